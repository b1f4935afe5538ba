"""A lost phone and no backup codes: `manage.py reset_two_factor` (README › Security) and the way back in."""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import STAFF_PASSWORD
from .test_two_factor import enrol, login_with_password

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return get_user_model().objects.create_superuser("beheerder", "beheerder@example.org", STAFF_PASSWORD)


def test_after_the_reset_the_editor_sets_up_two_factor_again_with_the_password(
    client, staff_user, administrator, two_factor_on, caplog
):
    """Deleting the TOTP device (the README's old recovery) left the backup codes' device: the editor was sent to
    the code prompt with nothing to type. The command removes both, and the password leads to the setup page."""
    login_with_password(client)
    enrol(client, staff_user)
    assert client.get("/admin/pages/").status_code == 200
    caplog.set_level(logging.INFO, logger="los.security")

    out = StringIO()
    call_command("reset_two_factor", "redacteur", "--by", "beheerder", stdout=out)

    assert "Removed 2 second-factor device(s) of redacteur" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=staff_user).exists()
    assert not StaticDevice.objects.filter(user=staff_user).exists()
    assert not StaticToken.objects.exists()
    # The session verified with the lost phone is no longer verified.
    assert client.get("/admin/pages/")["Location"].startswith("/admin/2fa/setup/")

    again = Client()
    assert login_with_password(again).status_code == 302
    assert again.get("/admin/pages/")["Location"].startswith("/admin/2fa/setup/")
    device, codes = enrol(again, staff_user)
    assert device.confirmed and len(codes) == 10
    assert again.get("/admin/pages/").status_code == 200

    logged = [r.getMessage() for r in caplog.records if r.name == "los.security"]
    assert logged == [f"two-factor reset: 2 device(s) of user {staff_user.pk} removed by user {administrator.pk}"]


def test_the_reset_removes_an_unfinished_setup_too(staff_user, administrator):
    TOTPDevice.objects.create(user=staff_user, name="authenticator", confirmed=False)
    call_command("reset_two_factor", "redacteur", "--by", "beheerder", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=staff_user).exists()


@pytest.mark.parametrize(
    ("username", "by", "message"),
    [
        ("niemand", "beheerder", "No account with the user name 'niemand'"),
        ("redacteur", "niemand", "is not an active superuser"),
        ("redacteur", "collega", "is not an active superuser"),  # an editor cannot reset someone's 2FA
    ],
)
def test_unknown_names_and_non_administrators_are_refused(staff_user, administrator, username, by, message):
    get_user_model().objects.create_user("collega", password=STAFF_PASSWORD)
    TOTPDevice.objects.create(user=staff_user, name="authenticator", confirmed=True)
    with pytest.raises(CommandError, match=message):
        call_command("reset_two_factor", username, "--by", by, stdout=StringIO())
    assert TOTPDevice.objects.filter(user=staff_user).exists()
