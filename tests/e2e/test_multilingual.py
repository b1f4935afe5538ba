"""A visitor switches a news item to English, and a microsite page to Arabic, with the language switcher.

The Arabic page must be laid out right to left: the computed `direction`, and the header mirrored (the logo on
the right, the language switcher and search on the left; the first main-menu item at the right edge). Screenshots
are kept for a person to look at when LOS_E2E_SCREENSHOTS names a folder (tests/e2e/screenshots.py).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e
DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober")
DUTCH_MONTHS += ("november", "december")


def microsite(live_site: str) -> str:
    return f"http://ilegalevrouw.localhost:{urlparse(live_site).port}"


def _box(page: Page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def test_switch_a_news_item_to_english(page: Page, live_site: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + "/nieuws/meldpunt-jaarrapport-2026/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    switcher = page.get_by_role("navigation", name="Kies een taal")
    switcher.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/detention-hotline-annual-report-2026/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Detention hotline")
    # The way back leads to the same item in Dutch, not to the home page.
    expect(
        page.get_by_role("navigation", name="Choose a language").get_by_role("link", name="Nederlands")
    ).to_have_attribute("href", "/nieuws/meldpunt-jaarrapport-2026/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    keep_screenshot(page, "multilingual/multilingual-news-en.png")
    assert page.context.cookies() == []


def test_switch_a_microsite_page_to_arabic_mirrors_the_layout(page: Page, live_site: str):
    page.set_viewport_size({"width": 1280, "height": 900})
    site = microsite(live_site)
    page.goto(site + "/veilig-surfen/")
    width = page.viewport_size["width"]
    ltr_brand = _box(page, ".site-brand")
    ltr_tools = _box(page, ".language-switcher")
    assert ltr_brand["x"] < ltr_tools["x"]  # Dutch: logo left, tools right
    ltr_first_menu = _box(page, ".main-nav__list > li:first-child")

    page.get_by_role("navigation", name="Kies een taal").get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/ar/tasaffuh-aamin/$"))
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("التصفح بأمان")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.article, main')).textAlign") in {"start", "right"}

    brand = _box(page, ".site-brand")
    tools = _box(page, ".language-switcher")
    first_menu = _box(page, ".main-nav__list > li:first-child")
    # Mirrored: the logo now sits at the right, the tools at the left.
    assert brand["x"] > tools["x"]
    assert brand["x"] + brand["width"] > width / 2 > tools["x"]
    # The first menu item starts at the right edge (roughly where the Dutch one started at the left).
    assert first_menu["x"] + first_menu["width"] > width / 2
    assert abs((width - (first_menu["x"] + first_menu["width"])) - ltr_first_menu["x"]) < 40
    # The quick exit stays reachable and is in Arabic too.
    expect(page.get_by_role("link", name="خروج سريع")).to_be_visible()
    keep_screenshot(page, "multilingual/multilingual-microsite-ar.png")
    assert page.context.cookies() == []


def test_a_translation_stays_a_draft_until_the_translator_publishes(staff_page, live_site: str, browser):
    """Issue 16, item 2: "Vertalen" makes a draft; English visitors see nothing until the translator publishes. The
    translator starts where they find the work, the translation status report, and the page leaves its list of
    what is missing once published."""
    from wagtail.models import Locale

    from news.models import NewsPage

    english = NewsPage.objects.filter(locale=Locale.objects.get(language_code="en"))
    dutch = NewsPage.objects.filter(locale__language_code="nl").live()
    untranslated = dutch.exclude(translation_key__in=english.values("translation_key")).order_by("pk")
    source = untranslated.first()
    assert source is not None and source != dutch.order_by("-pk").first()  # that one is test_editors_dutch's
    address, index = f"{live_site}/en/news/{source.slug}/", f"{live_site}/en/news/"

    # The translator finds what is missing in Reports > Vertaalstatus and translates it from there.
    translator = staff_page("Vertalers", "/admin/reports/vertaalstatus/")
    translator.get_by_label("Taal").select_option("en")
    translator.get_by_label("Status").select_option("missing")
    translator.get_by_role("button", name="Toon", exact=True).click()
    row = translator.locator("tbody tr").filter(has=translator.get_by_role("link", name=source.title, exact=True))
    row.locator("[data-language=en]").get_by_role("link", name="Vertalen").click()
    translator.get_by_label("English").check()
    translator.locator("form [type=submit]").last.click()
    expect(translator).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))

    visitor = browser.new_context().new_page()
    assert visitor.request.get(address).status == 404  # a draft: not on the English site
    assert source.title not in visitor.request.get(index).text()

    translator.get_by_role("button", name=re.compile("Publiceer in")).click()
    translator.wait_for_load_state("load")
    expect(translator.get_by_text(re.compile("gepubliceerd", re.IGNORECASE)).first).to_be_visible()
    assert visitor.request.get(address).status == 200  # published by the translator: live
    visitor.context.close()
    # Off the list of what is missing in English (the same row was found on it above).
    translator.goto(f"{live_site}/admin/reports/vertaalstatus/?taal=en&status=missing")
    expect(translator.get_by_role("heading", level=1)).to_contain_text("Vertaalstatus")
    expect(row).to_have_count(0)


def test_the_translator_changes_the_english_footer_and_english_visitors_read_it(staff_page, live_site: str):
    """Site texts are a translatable snippet (home.SiteTexts): the Vertalers change the English footer text in
    wagtail-localize's editor and publish it; the English site shows it, the Dutch one keeps its own."""
    from home.models import SiteTexts

    english = SiteTexts.objects.get(locale__language_code="en", site__is_default_site=True)
    new_text = "LOS supports the organisations that help undocumented people in the Netherlands."
    translator = staff_page("Vertalers", f"/admin/snippets/home/sitetexts/edit/{english.pk}/")
    footer = translator.locator(".js-translation-editor li").filter(
        has=translator.get_by_role("heading", name="Tekst in de voettekst")
    )
    footer.get_by_role("button", name="Bewerk").click()
    footer.locator("textarea").fill(new_text)
    footer.get_by_role("button", name="Opslaan").click()
    expect(footer).to_contain_text(new_text)
    # The segment's note, in Dutch to the month (wagtail-localize writes its date with English month names).
    expect(footer).to_contain_text(re.compile(rf"Handmatig vertaald op \d{{1,2}} ({'|'.join(DUTCH_MONTHS)}) \d{{4}}"))
    translator.get_by_role("button", name="Publiceer in English").click()
    expect(translator.locator(".messages")).to_be_visible()

    assert new_text in translator.request.get(live_site + "/en/").text()
    assert new_text not in translator.request.get(live_site + "/").text()
