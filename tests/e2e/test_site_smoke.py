"""A visitor finds their way around the site; an editor reaches the admin login."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ADMIN_PASSWORD, ADMIN_USER
from tests.e2e.staff_login import pass_second_factor

pytestmark = pytest.mark.e2e


def test_visitor_follows_navigation_and_editor_logs_in(page: Page, live_site: str):
    requested_hosts: set[str] = set()
    page.on("request", lambda request: requested_hosts.add(re.sub(r"^https?://([^/]+).*", r"\1", request.url)))

    page.goto(live_site + "/")
    expect(page).to_have_title(re.compile("Stichting LOS"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Over LOS").click()
    expect(page).to_have_url(live_site + "/over-los/")
    expect(page.get_by_role("heading", level=1, name="Over LOS")).to_be_visible()
    expect(page.get_by_role("navigation", name="Kruimelpad")).to_be_visible()

    page.get_by_role("link", name="Contact").first.click()
    expect(page.get_by_role("heading", level=1, name="Contact")).to_be_visible()

    # Everything the pages loaded came from our own server.
    assert requested_hosts == {live_site.removeprefix("http://")}

    page.goto(live_site + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label(re.compile("Gebruikersnaam|Username")).fill(ADMIN_USER)
    page.get_by_label(re.compile("Wachtwoord|Password")).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Inloggen|Sign in")).click()
    pass_second_factor(page, ADMIN_USER)  # production's login: the second factor follows the password
    expect(page.locator("body")).to_contain_text(re.compile("Stichting LOS|Dashboard|Welkom"))


def test_works_without_javascript(browser, live_site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + "/helpdesk/medische-zorg/")
    question = page.get_by_text("Mag een huisarts iemand weigeren?")
    question.click()  # <details> opens without JavaScript
    expect(page.get_by_text("Medisch noodzakelijke zorg moet worden gegeven.")).to_be_visible()
    context.close()
