"""A new colleague's first day: the administrator makes the account, the colleague signs in for the first time in
a Dutch browser, with production's login (password, then two-factor set-up), and ends on the dashboard; the next
morning the code prompt, then a new phone. A colleague who forgot their password asks for a link on the login page,
sets a new one from the mail and signs in with it, the second factor still asked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.staff_login import (
    DUTCH_BROWSER,
    _backup_codes,
    create_colleague,
    log_in,
    pass_second_factor,
    submit_password,
)

from .screenshots import keep_screenshot
from .test_newsletter_subscription import mails_to, path_of

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "nieuwe-collega", "eerste-werkdag-wachtwoord-2027"
PHONE, DESKTOP = {"width": 320, "height": 740}, {"width": 1280, "height": 720}


def test_new_colleague_first_login_with_two_factor_ends_on_the_dashboard(browser, live_site: str):
    create_colleague(browser, live_site, USERNAME, PASSWORD, "Redactie")
    context = browser.new_context(**DUTCH_BROWSER)
    page = context.new_page()
    background = []  # what the admin's own JavaScript fetched meanwhile
    page.on("response", lambda r: background.append(r) if r.request.resource_type in {"fetch", "xhr"} else None)

    # Shelter coordinators and the Meldpunt sign in on a phone: login and set-up fit 320 px, no sideways scrolling.
    page.set_viewport_size(PHONE)
    page.goto(live_site + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    submit_password(page, USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/setup/\?next=/admin/$"))
    keep_screenshot(page, "staff/2fa-setup-320.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)

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

    # A new phone (account menu → "Tweestapsverificatie"): first a code from the old app or a backup code, and
    # only then the new key.
    page.goto(live_site + "/admin/2fa/setup/")
    expect(page.get_by_role("heading", name="Nieuwe telefoon koppelen")).to_be_visible()
    expect(page.locator(".two-factor-qr")).to_have_count(0)
    expect(page.get_by_text("manage.py reset_two_factor")).to_be_visible()
    keep_screenshot(page, "staff/2fa-new-phone-proof.png", full_page=True)
    # Every button in the card's one column (Wagtail's ".button + .button" margin pushed "Annuleren" out of it).
    edges = page.locator("main .button").evaluate_all("buttons => buttons.map(b => b.getBoundingClientRect().left)")
    assert len(edges) == 3 and len(set(edges)) == 1, edges
    page.locator("#id_token").fill(_backup_codes[USERNAME].pop())
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    pass_second_factor(page, USERNAME)  # the new phone's key and first code; ten new backup codes
    expect(page).to_have_url(live_site + "/admin/")
    assert len(_backup_codes[USERNAME]) == 10
    context.close()


def test_a_colleague_resets_a_forgotten_password_and_signs_in_with_two_factor(browser, live_site: str, e2e_mail_dir):
    from django.conf import settings

    username, new_password = "vergeetachtige-collega", "nieuw-wachtwoord-na-vakantie-2027"
    create_colleague(browser, live_site, username, PASSWORD, "Stagiairs")
    context = browser.new_context(**DUTCH_BROWSER)
    log_in(context.new_page(), live_site, username, PASSWORD)  # enrols the authenticator, as on a first day
    context.close()

    context = browser.new_context(**DUTCH_BROWSER)
    page = context.new_page()
    page.goto(live_site + "/admin/login/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.get_by_label("E-mailadres").fill(f"{username}@example.org")
    page.locator("form [type=submit]").last.click()
    expect(page.get_by_role("heading", name=re.compile("Controleer je e-mail"))).to_be_visible()
    keep_screenshot(page, "staff/password-reset-sent.png", full_page=True)

    [mail] = mails_to(e2e_mail_dir, f"{username}@example.org")
    body = mail.get_body(("plain",)).get_content()
    link = re.search(r"\S+/admin/password_reset/confirm/\S+/", body).group(0)
    assert link.startswith(settings.WAGTAILADMIN_BASE_URL + "/"), link  # the configured address, not the request's
    page.goto(live_site + path_of(link))
    page.locator("#id_new_password1").fill(new_password)
    page.locator("#id_new_password2").fill(new_password)
    page.locator("form [type=submit]").last.click()
    expect(page.get_by_role("heading", name="Je wachtwoord is succesvol gewijzigd.")).to_be_visible()
    keep_screenshot(page, "staff/password-reset-done.png", full_page=True)
    page.get_by_role("link", name="Inloggen").click()
    submit_password(page, username, new_password)
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/"))  # a new password is no way around the second factor
    pass_second_factor(page, username)
    expect(page).to_have_url(live_site + "/admin/")
    context.close()
