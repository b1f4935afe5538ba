"""Logging staff in through the real login form and the real second factor, as production has it.

The end-to-end server enforces 2FA (`LOS_TEST_PRODUCTION_LOGIN=1`, see `cms/settings/test.py`). `log_in` types the
password, and then does what a colleague with an authenticator app does: on the first login it reads the key shown
on the setup page (the "type the key" route beside the QR code), answers with the app's current code and keeps the
backup codes; on later logins it answers the code prompt. A signed-in session is remembered per user and handed to
later browser contexts, so most tests skip the form (and no TOTP code is needed twice within its 30 seconds; when
one would be, a backup code is used, as a colleague without their phone would).

`account_context(browser, username)` is the browser context of an existing account (the e2e superuser, the
per-group accounts of `staff_page`), kept for the worker's whole run: a new context starts with an empty HTTP
cache and compiles all of Wagtail's admin scripts again, a kept one does not (an admin page opened in a new
context cost about 4.5 CPU-seconds, in a new tab of a kept one about 2.5). Tests open their own pages in it and
close them; what else a context holds (the account's cookies and local storage) is that account's anyway.
"""

from __future__ import annotations

import base64
import re
import time

from django_otp.oath import totp
from playwright.sync_api import Browser, BrowserContext, Page, expect

ADMIN_USER, ADMIN_PASSWORD = "e2e-admin", "e2e-wachtwoord-lang-genoeg"  # a superuser, for set-up steps
DUTCH_BROWSER = {"locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}
STEP = 30  # seconds per TOTP code (django-otp's default)
SECOND_STEP = re.compile(r"/admin/2fa/(setup|verify)/")
_keys: dict[str, bytes] = {}  # username -> the authenticator key read from the setup page
_backup_codes: dict[str, list[str]] = {}
_last_step: dict[str, int] = {}
_cookies: dict[str, list] = {}  # username -> the cookies of a verified session
_contexts: dict[tuple, BrowserContext] = {}  # (browser, username, context options) -> the kept context


def account_context(browser: Browser, username: str, **context_options) -> BrowserContext:
    """The context kept for `username` (with these context options) in this browser: a Dutch browser by default."""
    options = {**DUTCH_BROWSER, **context_options}
    key = (browser, username, tuple(sorted(options.items())))
    if key not in _contexts:
        _contexts[key] = browser.new_context(**options)
    return _contexts[key]


def authenticator_code(username: str) -> str | None:
    """The code the colleague's app shows now; None when that code was already used (django-otp refuses it again)."""
    now = int(time.time()) // STEP
    step = max(now, _last_step.get(username, -1) + 1)
    if step > now + 1:  # beyond django-otp's tolerance of one step
        return None
    _last_step[username] = step
    return f"{totp(_keys[username], step=STEP, drift=step - now):06d}"


def pass_second_factor(page: Page, username: str) -> None:
    """On the 2FA setup or code page after the password: enrol or answer, and end where the login was headed."""
    if "/admin/2fa/setup/" in page.url:
        key = page.get_by_test_id("two-factor-key").inner_text().replace(" ", "")
        _keys[username] = base64.b32decode(key + "=" * (-len(key) % 8))
        _last_step.pop(username, None)
        page.locator("#id_token").fill(authenticator_code(username))
        page.get_by_role("button", name="Instellen").click()
        expect(page.get_by_role("heading", name="Bewaar je reservecodes")).to_be_visible()
        _backup_codes[username] = page.locator(".two-factor-codes code").all_inner_texts()
        page.get_by_role("link", name="Verder naar het beheer").click()
    elif "/admin/2fa/verify/" in page.url:
        if username not in _keys:
            raise AssertionError(f"{username} has a second factor this helper did not set up: use a new user")
        code = authenticator_code(username) or _backup_codes[username].pop()
        page.locator("#id_token").fill(code)
        page.get_by_role("button", name="Bevestigen").click()
    expect(page).not_to_have_url(SECOND_STEP)


def log_in(page: Page, base: str, username: str, password: str, next_path: str = "/admin/") -> None:
    """Sign `username` in (password, then the second factor) and open `next_path`; reuses a verified session."""
    if username in _cookies:
        page.context.add_cookies(_cookies[username])
        page.goto(base + next_path)
        if "/admin/login/" not in page.url and not SECOND_STEP.search(page.url):
            return
    page.goto(f"{base}/admin/login/?next={next_path}")
    submit_password(page, username, password)
    pass_second_factor(page, username)
    _cookies[username] = page.context.cookies()


def submit_password(page: Page, username: str, password: str) -> None:
    """Wagtail's own login form (its wording is checked in test_editors_dutch.py, not here)."""
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.login-form [type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def create_colleague(browser, base: str, username: str, password: str, group: str) -> None:
    """An administrator makes an account in the admin's user form, with one group ticked on the Roles tab."""
    page = account_context(browser, ADMIN_USER).new_page()
    log_in(page, base, ADMIN_USER, ADMIN_PASSWORD, next_path="/admin/users/new/")
    if not page.url.endswith("/admin/users/new/"):  # the superuser's first login: its 2FA set-up ends elsewhere
        page.goto(base + "/admin/users/new/")
    page.locator("#id_username").fill(username)
    page.locator("#id_email").fill(f"{username}@example.org")
    page.locator("#id_first_name").fill(username.title())
    page.locator("#id_last_name").fill("Test")
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    checkbox = page.get_by_label(group, exact=True)
    if not checkbox.is_visible():
        page.get_by_role("tab", name="Rollen").first.click()
    checkbox.check()
    page.locator("form [type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/admin/users/"))
    page.close()
