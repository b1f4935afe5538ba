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
