"""Two-factor authentication for the admin (django-otp TOTP and backup codes), switched on as production has it."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/"]


def code_for(device: TOTPDevice, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def login_with_password(client: Client, username: str = "redacteur", password: str = STAFF_PASSWORD):
    """The real Wagtail login form."""
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/pages/"})


def enrol(client: Client, user) -> tuple[TOTPDevice, list[str]]:
    """Enrol through the setup page as an editor would: open it, read the secret, type the app's code."""
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    shown_secret = re.search(r"<code[^>]*>([A-Z2-7 ]+)</code>", page.content.decode()).group(1).replace(" ", "")
    import base64

    assert base64.b32decode(shown_secret + "=" * (-len(shown_secret) % 8)) == device.bin_key
    assert "<svg" in page.content.decode()  # the QR code, drawn on our own server
    response = client.post("/admin/2fa/setup/", {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    return TOTPDevice.objects.get(pk=device.pk), codes


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_refused_without_a_device(client, staff_user, two_factor_on, path):
    client.force_login(staff_user)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=")


def test_enforcement_is_off_unless_switched_on(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200


def test_password_only_is_not_enough_and_totp_through_the_form_lets_in(client, staff_user, two_factor_on):
    assert login_with_password(client).status_code == 302
    assert client.get("/admin/pages/")["Location"].startswith("/admin/2fa/setup/")
    device, codes = enrol(client, staff_user)
    assert device.confirmed
    assert len(codes) == 10
    assert client.get("/admin/pages/").status_code == 200

    # A new session: password, then the code from the app.
    other = Client()
    response = login_with_password(other)
    assert response.status_code == 302
    response = other.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/verify/?next=/admin/pages/"
    for path in ADMIN_PAGES:
        assert other.get(path).status_code == 302, path
    wrong = other.post("/admin/2fa/verify/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "klopt niet" in wrong.content.decode()
    assert other.get("/admin/pages/").status_code == 302
    # A wrong code throttles the device (django-otp doubles the wait after each failure); let the wait pass.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    device.throttle_reset()
    right = other.post("/admin/2fa/verify/", {"token": code_for(device, drift=1), "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    for path in ADMIN_PAGES:
        assert other.get(path).status_code == 200, path


def test_backup_code_works_once(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    _device, codes = enrol(client, staff_user)
    first = Client()
    first.force_login(staff_user)
    assert first.post("/admin/2fa/verify/", {"token": codes[0]}).status_code == 302
    assert first.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    second = Client()
    second.force_login(staff_user)
    assert second.post("/admin/2fa/verify/", {"token": codes[0]}).status_code == 200  # refused: used
    assert second.get("/admin/").status_code == 302


def test_a_backup_code_typed_in_capitals_or_groups_or_all_digits_works(client, staff_user, two_factor_on):
    """Backup codes are printed and typed back by hand: capitals and a space are the same code. And a code of
    django-otp's alphabet (a-z, 2-7) can be all digits: it is still a backup code, not a wrong app code."""
    client.force_login(staff_user)
    _device, codes = enrol(client, staff_user)
    StaticToken.objects.filter(token=codes[1]).update(token="23456723")
    for typed in (codes[0].upper(), "2345 6723"):
        other = Client()
        other.force_login(staff_user)
        assert other.post("/admin/2fa/verify/", {"token": typed}).status_code == 302, typed
        assert other.get("/admin/").status_code == 200


def test_unverified_user_cannot_replace_the_device(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    device, _codes = enrol(client, staff_user)
    intruder = Client()
    intruder.force_login(staff_user)  # knows the password, not the phone
    response = intruder.get("/admin/2fa/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/")
    assert TOTPDevice.objects.filter(user=staff_user).count() == 1


def test_next_parameter_cannot_leave_the_site(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    device, _codes = enrol(client, staff_user)
    other = Client()
    other.force_login(staff_user)
    response = other.post("/admin/2fa/verify/", {"token": code_for(device, drift=1), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_anonymous_admin_still_goes_to_login(client, two_factor_on):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_public_pages_are_not_affected(client, staff_user, two_factor_on):
    client.force_login(staff_user)
    assert client.get("/").status_code == 200


def test_production_enables_two_factor_by_default():
    from tests.settings_probe import load_settings

    env = {
        "SECRET_KEY": "k" * 64,
        "ALLOWED_HOSTS": "stichtinglos.nl",
        "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
        "EMAIL_URL": "smtp+tls://mail.internal:587",
        "REDIS_URL": "redis://cache.internal:6379/1",
        "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
        "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local or http address
    }
    assert load_settings("cms.settings.production", **env).LOS_ADMIN_REQUIRE_2FA is True
    assert load_settings("cms.settings.production", **env, ADMIN_REQUIRE_2FA="false").LOS_ADMIN_REQUIRE_2FA is False


def test_a_backup_code_works_while_the_app_codes_wait(client, staff_user, two_factor_on, settings):
    """A colleague whose phone's clock is off types app codes that are refused; django-otp then makes the app's
    device wait. The backup codes are for exactly that, but the wait refused them too (and every wrong app code
    counted against the backup codes as well)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 3600  # one wrong code makes the app's device wait an hour: no clock needed
    client.force_login(staff_user)
    device, codes = enrol(client, staff_user)
    other = Client()
    other.force_login(staff_user)
    assert "klopt niet" in other.post("/admin/2fa/verify/", {"token": "000000"}).content.decode()
    device.refresh_from_db()
    assert device.verify_is_allowed()[0] is False
    assert StaticDevice.objects.get(user=staff_user).throttling_failure_count == 0

    response = other.post("/admin/2fa/verify/", {"token": codes[0], "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert other.get("/admin/pages/").status_code == 200
    # The app's right code during the wait: told to wait, and pointed to the backup codes.
    third = Client()
    third.force_login(staff_user)
    waiting = third.post("/admin/2fa/verify/", {"token": code_for(device, drift=1)})
    assert waiting.status_code == 200 and "of gebruik een reservecode" in waiting.content.decode()


def test_the_backup_codes_keep_their_own_wait(client, staff_user, two_factor_on, settings):
    """A wrong backup code makes the backup codes wait (django-otp's throttling, kept), not the app's codes."""
    settings.OTP_STATIC_THROTTLE_FACTOR = settings.OTP_TOTP_THROTTLE_FACTOR = 3600
    client.force_login(staff_user)
    device, codes = enrol(client, staff_user)
    other = Client()
    other.force_login(staff_user)
    assert "klopt niet" in other.post("/admin/2fa/verify/", {"token": "abcd2345"}).content.decode()
    assert other.post("/admin/2fa/verify/", {"token": codes[0]}).status_code == 200  # refused: waiting
    assert StaticToken.objects.filter(token=codes[0]).exists()  # and not used up
    assert other.post("/admin/2fa/verify/", {"token": code_for(device, drift=1)}).status_code == 302
    third = Client()
    third.force_login(staff_user)
    waiting = third.post("/admin/2fa/verify/", {"token": codes[1]})
    assert "Te veel verkeerde reservecodes" in waiting.content.decode()
