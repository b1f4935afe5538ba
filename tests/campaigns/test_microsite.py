"""The microsite: routing by hostname, per-site settings and navigation, quick exit, help finder, no cookies."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page

from campaigns.models import HelpLocation, SiteAppearance
from campaigns.models.appearance import DEFAULT_QUICK_EXIT_URL
from demo import MICROSITE_HOSTNAME

pytestmark = pytest.mark.django_db

MICRO = {"HTTP_HOST": f"{MICROSITE_HOSTNAME}:8000"}


def menu_labels(html: str) -> list[str]:
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    return [label.strip() for label in re.findall(r"<a [^>]*>([^<]+)</a>", nav)]


def test_hostname_selects_the_site_and_its_pages(client):
    micro = client.get("/", **MICRO)
    assert micro.status_code == 200
    assert micro.context["page"].specific_class.__name__ == "MicrositeHomePage"
    assert client.get("/hulp-zoeken/", **MICRO).status_code == 200
    # Pages of one site are not reachable through the other site's host.
    assert client.get("/hulp-zoeken/").status_code == 404
    assert client.get("/campagnes/", **MICRO).status_code == 404
    assert client.get("/campagnes/").status_code == 200


def test_each_site_has_its_own_navigation_settings_and_look(client):
    main = client.get("/").content.decode()
    micro = client.get("/", **MICRO).content.decode()
    assert menu_labels(main) == ["Nieuws", "Publicaties", "Agenda", "Campagnes", "Projecten", "Helpdesk", "Over LOS"]
    assert menu_labels(micro) == ["Huiselijk geweld", "Je rechten", "Hulp zoeken", "Veilig surfen"]
    assert "info@ilegalevrouw.nl" in micro and "info@ilegalevrouw.nl" not in main
    assert re.search(r'<body class="[^"]*site-microsite[^"]*palette-paars', micro)
    assert "palette-" not in re.search(r"<body[^>]*>", main).group(0)
    # Each site its own SVG wordmark (components/wordmarks/<site>.html), named for screen readers.
    assert 'class="wordmark" viewBox="0 0 196 44" role="img" aria-label="iLegalevrouw"' in micro
    assert 'role="img" aria-label="Stichting LOS"' in main


def test_quick_exit_on_every_microsite_page_and_not_on_the_main_site(client, microsite):
    pages = microsite.root_page.get_descendants(inclusive=True).live()
    assert pages.count() >= 5
    for page in pages:
        html = client.get(page.get_url(), **MICRO).content.decode()
        assert f'<a class="quick-exit__button" href="{DEFAULT_QUICK_EXIT_URL}" rel="noreferrer"' in html, page
        # Loaded before the box and not deferred: its listeners are in place before anything can be tapped
        # (a tap before a deferred script ran added a history entry that Back after "Snel weg" returned to).
        script = re.search(r'<script src="[^"]*campaigns/js/quick-exit\.js"[^>]*>', html).group(0)
        assert "defer" not in script and "async" not in script
        assert html.index(script) < html.index('class="quick-exit"')
    assert "quick-exit" not in client.get("/").content.decode()


def test_main_site_can_switch_the_quick_exit_on_with_its_own_url(client, main_site):
    setting = SiteAppearance.for_site(main_site)
    setting.quick_exit_enabled = True
    setting.quick_exit_url = "https://nos.nl/weer"
    setting.save()
    html = client.get("/over-los/").content.decode()
    assert 'href="https://nos.nl/weer" rel="noreferrer" data-quick-exit' in html
    assert 'data-quick-exit-url="https://nos.nl/weer"' in html


def test_quick_exit_links_the_safe_browsing_page_in_the_visitors_language(client):
    assert '<a class="quick-exit__safe" href="/veilig-surfen/">' in client.get("/", **MICRO).content.decode()
    arabic = client.get("/ar/", **MICRO).content.decode()
    assert '<a class="quick-exit__safe" href="/ar/tasaffuh-aamin/">' in arabic


def test_microsite_news_says_it_leaves_and_carries_the_quick_exit(client):
    html = client.get("/", **MICRO).content.decode()
    assert "Deze berichten staan op de website van Stichting LOS" in html
    assert re.search(r'<a href="[^"]+/nieuws/[^"?]+\?qe=1">', html)


def test_a_los_page_reached_from_the_microsite_shows_the_quick_exit(client):
    html = client.get("/nieuws/", {"qe": "1"}).content.decode()
    assert f'<a class="quick-exit__button" href="{DEFAULT_QUICK_EXIT_URL}"' in html
    assert 'data-carry="qe"' in html


@pytest.mark.parametrize("value", ["", "0", "2", "1\x00", "<script>", "1" * 5000, "javascript:alert(1)"])
def test_other_values_of_the_quick_exit_parameter_change_nothing(client, value):
    response = client.get("/nieuws/", {"qe": value})
    assert response.status_code in (200, 400)
    assert b"quick-exit__button" not in response.content


def test_safe_browsing_page_documents_the_shortcut(client):
    html = client.get("/veilig-surfen/", **MICRO).content.decode()
    assert "Escape" in html and "Snel weg" in html


def microsite_urls(microsite) -> list[str]:
    urls = [page.get_url() for page in microsite.root_page.get_descendants(inclusive=True).live()]
    return [*urls, "/hulp-zoeken/?soort=shelter&plaats=Utrecht", "/hulp-zoeken/?soort=onbekend", "/zoeken/?q=opvang"]


def test_no_cookies_on_any_microsite_page(client, microsite):
    for url in microsite_urls(microsite):
        response = client.get(url, **MICRO)
        assert response.status_code == 200, url
        assert not [m for m in response.cookies.values() if m.value], url
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_microsite_loads_nothing_from_other_hosts(client, microsite):
    for url in microsite_urls(microsite):
        html = client.get(url, **MICRO).content.decode()
        fetched = re.findall(r'(?:src|srcset|poster|data)="([^"]+)"', html)
        # rel="alternate" (hreflang) is not fetched by the browser, and hreflang URLs must be absolute.
        fetched += re.findall(r'<link(?![^>]*rel="alternate")[^>]+href="([^"]+)"', html)
        assert [u for u in fetched if re.match(r"^(https?:)?//", u)] == [], url


def test_help_finder_filters_by_type_and_city(client):
    html = client.get("/hulp-zoeken/", {"soort": "shelter", "plaats": "Utrecht"}, **MICRO).content.decode()
    assert "Vrouwenopvang Utrecht" in html
    assert "Vrouwenopvang Amsterdam" not in html and "Juridisch Loket" not in html
    everything = client.get("/hulp-zoeken/", **MICRO).content.decode()
    assert "Juridisch Loket" in everything and "Vrouwenopvang Amsterdam" in everything
    assert '<option value="shelter" selected>' in html


@pytest.mark.parametrize(
    "query",
    ["?soort=abc", "?plaats=Nergensdorp", "?soort=%00&plaats=%00", "?plaats=" + "x" * 5000, "?page=abc"],
)
def test_help_finder_survives_bad_input(client, query):
    response = client.get("/hulp-zoeken/" + query, **MICRO)
    if "%00" in query:  # NUL answers 400 before any view (security/bad_input.py)
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert "Juridisch Loket" in response.content.decode()  # unknown filters mean "all"


def test_help_finder_query_budget_does_not_grow(client, django_assert_max_num_queries, microsite):
    from tests.factories.campaigns import HelpLocationFactory

    locale = microsite.root_page.locale
    client.get("/hulp-zoeken/", **MICRO)  # warm the per-process caches
    # 26: the "Veilig surfen" link beside the quick exit (issue 21) is one lookup of its page.
    with django_assert_max_num_queries(26):
        client.get("/hulp-zoeken/", **MICRO)
    HelpLocationFactory.create_batch(40, locale=locale)
    with django_assert_max_num_queries(26):
        response = client.get("/hulp-zoeken/", **MICRO)
    shown = HelpLocation.objects.filter(locale=locale).count()  # translations are listed on the translated finders
    assert response.content.decode().count('class="help-location card"') == shown


def test_help_location_is_translatable():
    assert "locale" in {f.name for f in HelpLocation._meta.fields}
    assert Page.objects.filter(slug="hulp-zoeken").exists()
