"""A new colleague's first day: the administrator makes the account, the colleague signs in for the first time in
a Dutch browser, with production's login (password, then two-factor set-up), and ends on the dashboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.staff_login import DUTCH_BROWSER, _backup_codes, create_colleague, pass_second_factor, submit_password

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "nieuwe-collega", "eerste-werkdag-wachtwoord-2027"


def test_new_colleague_first_login_with_two_factor_ends_on_the_dashboard(browser, live_site: str):
    create_colleague(browser, live_site, USERNAME, PASSWORD, "Redactie")
    context = browser.new_context(**DUTCH_BROWSER)
    page = context.new_page()
    background = []  # what the admin's own JavaScript fetched meanwhile
    page.on("response", lambda r: background.append(r) if r.request.resource_type in {"fetch", "xhr"} else None)

    page.goto(live_site + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    submit_password(page, USERNAME, PASSWORD)

    # The set-up page, once: QR code, the key to type instead, one form.
    expect(page).to_have_url(re.compile(r"/admin/2fa/setup/\?next=/admin/$"))
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_have_count(1)
    expect(page.locator("form.login-form")).to_have_count(1)
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    expect(page.get_by_test_id("two-factor-key")).to_have_text(re.compile(r"^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$"))
    keep_screenshot(page, "staff/2fa-setup.png", full_page=True)

    # A typo: a visible error, and the next try works at once.
    page.locator("#id_token").fill("000000")
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code klopt niet")
    expect(page.locator("form.login-form")).to_have_count(1)
    keep_screenshot(page, "staff/2fa-wrong-code.png", full_page=True)

    pass_second_factor(page, USERNAME)  # the app's code; ten backup codes shown once; "Verder naar het beheer"
    assert len(_backup_codes[USERNAME]) == 10
    expect(page).to_have_url(live_site + "/admin/")
    expect(page).to_have_title(re.compile("^Dashboard"))
    keep_screenshot(page, "staff/2fa-dashboard.png", full_page=True)
    assert [r.url for r in background if r.status >= 300] == []  # nothing the admin fetched was redirected
    context.close()

    # The next morning: password, then only the code.
    context = browser.new_context(**DUTCH_BROWSER)
    page = context.new_page()
    page.goto(live_site + "/admin/pages/")
    submit_password(page, USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/\?next=/admin/pages/$"))
    pass_second_factor(page, USERNAME)
    expect(page).to_have_url(live_site + "/admin/pages/")
    context.close()
