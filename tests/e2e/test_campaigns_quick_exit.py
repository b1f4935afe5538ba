"""On the microsite, "Snel weg" and Escape-Escape leave for the neutral site; Back does not return.

The browser has no internet: the neutral website (the microsite's configured quick-exit URL) is answered by
Playwright's router with a stand-in page. Everything else comes from the real, seeded server.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from campaigns.models.appearance import DEFAULT_QUICK_EXIT_URL

pytestmark = pytest.mark.e2e

NEUTRAL = "<!doctype html><title>Weerbericht</title><h1>Het weer vandaag</h1>"


def microsite(live_site: str) -> str:
    port = urlparse(live_site).port
    return f"http://ilegalevrouw.localhost:{port}"


@pytest.fixture
def neutral_site(page: Page):
    page.route(
        re.compile("^" + re.escape(DEFAULT_QUICK_EXIT_URL)),
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL),
    )
    return page


def start_from_main_site_then_open_microsite(page: Page, live_site: str) -> str:
    page.goto(live_site + "/")
    site = microsite(live_site)
    page.goto(site + "/veilig-surfen/")
    expect(page.get_by_role("heading", level=1, name="Veilig surfen")).to_be_visible()
    assert page.context.cookies() == []
    return site


def test_quick_exit_button_leaves_and_back_does_not_return(neutral_site: Page, live_site: str):
    page = neutral_site
    site = start_from_main_site_then_open_microsite(page, live_site)
    page.get_by_role("link", name="Snel weg").click()
    expect(page).to_have_url(DEFAULT_QUICK_EXIT_URL)
    expect(page.get_by_role("heading", name="Het weer vandaag")).to_be_visible()
    page.go_back()
    # The microsite page was replaced in the history: Back goes to where the visitor was before it.
    expect(page).to_have_url(live_site + "/")
    assert not page.url.startswith(site)


def test_pressing_escape_twice_leaves_and_back_does_not_return(neutral_site: Page, live_site: str):
    page = neutral_site
    site = start_from_main_site_then_open_microsite(page, live_site)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page).to_have_url(DEFAULT_QUICK_EXIT_URL)
    page.go_back()
    expect(page).to_have_url(live_site + "/")
    assert not page.url.startswith(site)


def test_without_javascript_the_button_is_a_plain_link(browser, live_site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(microsite(live_site) + "/")
    button = page.get_by_role("link", name="Snel weg")
    expect(button).to_have_attribute("href", DEFAULT_QUICK_EXIT_URL)
    expect(button).to_have_attribute("rel", "noreferrer")
    context.close()


def test_a_whole_visit_is_one_history_entry(neutral_site: Page, live_site: str):
    """Issue 21: after browsing several microsite pages, one press on Back after "Snel weg" leads to where the
    visitor was before the microsite, not to the previous microsite page."""
    page = neutral_site
    site = microsite(live_site)
    page.goto(live_site + "/")
    page.goto(site + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Huiselijk geweld").click()
    expect(page.get_by_role("heading", level=1, name="Huiselijk geweld")).to_be_visible()
    page.get_by_role("link", name="Veilig surfen").first.click()
    expect(page.get_by_role("heading", level=1, name="Veilig surfen")).to_be_visible()
    page.get_by_role("link", name="Snel weg").click()
    expect(page).to_have_url(DEFAULT_QUICK_EXIT_URL)
    page.go_back()
    expect(page).to_have_url(live_site + "/")


def test_keyboard_hint_only_where_there_is_a_keyboard(browser, live_site: str):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(microsite(live_site) + "/")
    expect(page.get_by_role("link", name="Snel weg")).to_be_visible()
    expect(page.get_by_text("of druk 2x op Esc")).to_be_hidden()
    # Safe-browsing advice is one tap away.
    expect(page.locator(".quick-exit").get_by_role("link", name="Veilig surfen")).to_have_attribute(
        "href", "/veilig-surfen/"
    )
    phone.close()
    desktop = browser.new_context(viewport={"width": 1366, "height": 900})
    page = desktop.new_page()
    page.goto(microsite(live_site) + "/")
    expect(page.get_by_text("of druk 2x op Esc")).to_be_visible()
    desktop.close()


def test_a_los_page_reached_from_the_microsite_keeps_the_button(neutral_site: Page, live_site: str):
    page = neutral_site
    page.goto(live_site + "/nieuws/?qe=1")
    expect(page.get_by_role("link", name="Snel weg")).to_have_attribute("href", DEFAULT_QUICK_EXIT_URL)
    # Following a link on the LOS site keeps it (and replaces the entry, as on the microsite).
    page.locator(".news-list a").first.click()
    expect(page).to_have_url(re.compile(r"\?qe=1$"))
    expect(page.get_by_role("link", name="Snel weg")).to_be_visible()
    # Without the parameter (a visitor who came to LOS directly) there is no button.
    page.goto(live_site + "/nieuws/")
    expect(page.get_by_role("link", name="Snel weg")).to_have_count(0)
