"""What visitors get in each language: switcher, hreflang, lang/dir, the missing-translation notice, the
languages each site offers, the sitemap and locale formats."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, translation
from wagtail.models import Locale, Page

from demo import MICROSITE_HOSTNAME
from home.models import SiteLanguages
from news.models import NewsPage

MICRO = {"HTTP_HOST": MICROSITE_HOSTNAME}


def _switcher(html: str) -> list[tuple[str, str]]:
    """(language code, href) of the links in the language switcher; the current language has no href."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    if nav is None:
        return []
    return re.findall(r'<a href="([^"]+)" lang="([^"]+)"', nav.group(0))


def _path(page) -> str:
    """The page's URL path on its own site (`page.url` is absolute when several sites exist)."""
    return page.get_url_parts()[2]


def _hreflang(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


@pytest.fixture
def english_news(db) -> NewsPage:
    """A news item that exists in Dutch and English (demo content)."""
    page = NewsPage.objects.live().filter(locale__language_code="en").first()
    assert page is not None
    return page


@pytest.fixture
def dutch_only_news(db) -> NewsPage:
    english_keys = NewsPage.objects.filter(locale__language_code="en").values("translation_key")
    page = NewsPage.objects.live().filter(locale__language_code="nl").exclude(translation_key__in=english_keys).first()
    assert page is not None
    return page


def test_switcher_links_to_this_pages_translation_not_the_home_page(client, english_news):
    dutch = english_news.get_translation(Locale.get_default())
    response = client.get(_path(dutch))
    assert response.status_code == 200
    links = _switcher(response.content.decode())
    assert links == [(_path(english_news), "en")]
    assert _path(english_news).startswith("/en/news/") and _path(english_news) != "/en/"

    response = client.get(_path(english_news))
    assert _switcher(response.content.decode()) == [(_path(dutch), "nl")]


def test_switcher_lists_only_languages_the_page_exists_in(client, dutch_only_news):
    html = client.get(_path(dutch_only_news)).content.decode()
    assert _switcher(html) == []  # Dutch only: nothing to switch to
    assert _hreflang(html) == {}


def test_hreflang_alternates_and_x_default(client, english_news):
    dutch = english_news.get_translation(Locale.get_default())
    html = client.get(_path(english_news)).content.decode()
    assert _hreflang(html) == {
        "nl": f"http://testserver{_path(dutch)}",
        "en": f"http://testserver{_path(english_news)}",
        "x-default": f"http://testserver{_path(dutch)}",
    }


def test_microsite_offers_five_languages_with_right_direction(client, microsite):
    html = client.get("/ar/", **MICRO).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert [code for _url, code in _switcher(html)] == ["nl", "en", "fr", "es"]
    assert set(_hreflang(html)) == {"nl", "en", "fr", "es", "ar", "x-default"}
    for code in ("nl", "en", "fr", "es"):
        prefix = "/" if code == "nl" else f"/{code}/"
        response = client.get(prefix, **MICRO)
        assert response.status_code == 200
        assert f'<html lang="{code}" dir="ltr">' in response.content.decode()


def test_translated_slugs(client, microsite):
    html = client.get("/ar/", **MICRO).content.decode()
    assert 'href="/ar/tasaffuh-aamin/"' in html  # a menu link to the Arabic page, with its own slug
    response = client.get("/fr/naviguer-en-securite/", **MICRO)
    assert response.status_code == 200
    assert "Naviguer en sécurité" in response.content.decode()


def test_main_site_does_not_offer_microsite_languages(client, home_page):
    for prefix in ("/ar/", "/fr/", "/es/", "/ar/zoeken/", "/fr/nieuws/"):
        response = client.get(prefix)
        assert response.status_code == 404, prefix
        assert '<html lang="nl" dir="ltr">' in response.content.decode()
    html = client.get("/zoeken/?q=test").content.decode()  # a view: every language the site offers
    assert sorted(code for _url, code in _switcher(html)) == ["en"]


def test_editors_enable_a_language_on_a_site_without_code_changes(client, main_site, home_page):
    setting = SiteLanguages.for_site(main_site)
    setting.languages = ["nl", "en", "fr"]
    setting.save()
    html = client.get("/zoeken/?q=test").content.decode()
    assert sorted(code for _url, code in _switcher(html)) == ["en", "fr"]
    assert client.get("/fr/recherche/?q=test").status_code == 200


def test_dutch_cannot_be_switched_off(main_site):
    setting = SiteLanguages.for_site(main_site)
    setting.languages = ["en"]
    setting.clean()
    assert setting.codes == ["nl", "en"]


def test_missing_translation_notice_links_to_the_dutch_original(client, dutch_only_news):
    response = client.get(f"/en/news/{dutch_only_news.slug}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "This page is not available in your language" in html
    assert f'href="{_path(dutch_only_news)}" lang="nl"' in html
    assert 'name="robots" content="noindex"' in html


def test_missing_translation_notice_in_arabic_on_the_microsite(client, microsite):
    # Spanish is offered on the microsite; this page is not (yet) translated into Spanish.
    Page.objects.get(locale__language_code="es", slug="navegar-con-seguridad").delete()
    response = client.get("/es/veilig-surfen/", **MICRO)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es" dir="ltr">' in html
    assert 'href="/veilig-surfen/" lang="nl"' in html
    # It also points to the languages the page does exist in.
    assert 'href="/ar/tasaffuh-aamin/" lang="ar"' in html
    response = client.get("/ar/bestaat-niet/", **MICRO)
    assert response.status_code == 404
    assert "Deze pagina is niet beschikbaar" not in response.content.decode()


def test_plain_404_stays_a_404_without_notice(client, home_page):
    response = client.get("/en/does-not-exist/at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "This page does not exist (any more)" in html
    assert "not available in your language" not in html
    assert _switcher(html) == []  # nothing at this address in any language


def test_switcher_and_hreflang_cost_the_same_for_two_or_five_languages(client, microsite):
    """One query for all translations of the page, not one per language."""

    def count() -> int:
        client.get("/ar/", **MICRO)  # warm the site-root caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/ar/", **MICRO)
        assert response.status_code == 200
        return len(queries.captured_queries), response.content.decode()

    five, html = count()
    assert len(_hreflang(html)) == 6
    setting = SiteLanguages.for_site(microsite)
    setting.languages = ["nl", "ar"]
    setting.save()
    two, html = count()
    assert len(_hreflang(html)) == 3
    assert five == two


def test_sitemap_lists_every_offered_language_with_alternates(client, microsite):
    response = client.get("/sitemap.xml", **MICRO)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert f"http://{MICROSITE_HOSTNAME}/ar/tasaffuh-aamin/" in locations
    assert f"http://{MICROSITE_HOSTNAME}/veilig-surfen/" in locations
    entry = next(url for url in root.findall("s:url", ns) if url.find("s:loc", ns).text.endswith("/fr/"))
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert alternates["ar"] == f"http://{MICROSITE_HOSTNAME}/ar/"
    assert alternates["x-default"] == f"http://{MICROSITE_HOSTNAME}/"


def test_main_sitemap_has_english_but_no_microsite_languages(client, home_page):
    body = client.get("/sitemap.xml").content.decode()
    assert "/en/news/</loc>" in body
    assert "/ar/" not in body and 'hreflang="fr"' not in body


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nl", "5 november 2026"), ("en", "Nov. 5, 2026"), ("fr", "5 novembre 2026"), ("es", "5 de noviembre de 2026")],
)
def test_dates_are_formatted_for_the_locale(code, expected):
    with translation.override(code):
        assert formats.date_format(datetime.date(2026, 11, 5)) == expected


def test_arabic_dates_use_arabic_month_names():
    with translation.override("ar"):
        text = formats.date_format(datetime.date(2026, 11, 5))
        assert "نوفمبر" in text and "2026" in text
        assert formats.number_format(1234.5, 1) == "1234,5"  # Django's Arabic number format is active


def test_menu_labels_follow_the_language(client, main_site, home_page):
    from home.models import MainMenuItem, NavigationSettings

    about = home_page.get_children().get(slug="over-los")
    navigation = NavigationSettings.for_site(main_site)
    MainMenuItem.objects.filter(setting=navigation, link_page=about).update(label="Wie wij zijn")
    assert ">Wie wij zijn</a>" in client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert ">Wie wij zijn</a>" not in english
    assert 'href="/en/about-los/"' in english and ">About LOS</a>" in english


def test_menu_links_to_pages_not_in_the_visitors_language_say_which_language_they_are_in(db, client):
    """WCAG 3.1.2: a Dutch-only page in the English menu is labelled in Dutch, so it is marked lang="nl"."""
    html = client.get("/en/").content.decode()
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert '<a href="/en/news/">News</a>' in menu
    assert re.search(r'<a href="/publicaties/" lang="nl" hreflang="nl">Publicaties</a>', menu)
    dutch = re.search(r'<nav class="main-nav".*?</nav>', client.get("/").content.decode(), re.S).group(0)
    assert 'lang="' not in dutch
