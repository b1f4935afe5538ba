"""Replacing the authenticator (account menu → "Tweestapsverificatie", a new phone) asks for proof first: a code
from the current app or a backup code. A signed-in session alone could bind its own app and keep the account."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.two_factor import REPLACE_PROOF_SECONDS, REPLACE_PROOF_SESSION_KEY

from .test_two_factor import code_for, enrol

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(client, staff_user, two_factor_on):
    """The editor's own browser, verified with their app; their device and backup codes."""
    client.force_login(staff_user)
    device, codes = enrol(client, staff_user)
    assert client.get("/admin/pages/").status_code == 200
    return client, device, codes


def prove(client: Client, token: str):
    return client.post("/admin/2fa/setup/", {"step": "prove", "token": token, "next": "/admin/pages/"})


def test_a_signed_in_session_alone_cannot_replace_the_authenticator(enrolled, staff_user):
    """Whoever sits at the unlocked laptop (or holds the session cookie) is refused without the current app or a
    backup code: a code from an app of their own binds nothing, and no new key is shown."""
    client, device, codes = enrolled
    # An unfinished set-up left behind, completed with the intruder's app without the proof: refused.
    theirs = TOTPDevice.objects.create(user=staff_user, name="authenticator", confirmed=False)
    response = client.post("/admin/2fa/setup/", {"token": code_for(theirs), "next": "/admin/"})
    assert list(TOTPDevice.objects.filter(user=staff_user, confirmed=True)) == [device]
    assert StaticToken.objects.filter(device__user=staff_user).count() == len(codes)
    assert response.status_code == 200 and "Nieuwe telefoon koppelen" in response.content.decode()
    theirs.delete()

    page = client.get("/admin/2fa/setup/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Nieuwe telefoon koppelen" in html and "<svg" not in html
    assert "manage.py reset_two_factor" in html  # the way for a colleague without phone or backup code
    assert not TOTPDevice.objects.filter(user=staff_user, confirmed=False).exists()
    assert "klopt niet" in prove(client, "000000").content.decode()
    assert "klopt niet" in prove(client, "abcd2345").content.decode()
    assert list(TOTPDevice.objects.filter(user=staff_user)) == [device]


@pytest.mark.parametrize("proof", ["app", "backup"])
def test_the_current_app_or_a_backup_code_allows_the_replacement(enrolled, staff_user, proof):
    client, device, codes = enrolled
    response = prove(client, code_for(device, drift=1) if proof == "app" else codes[0])
    assert response.status_code == 302 and response["Location"] == "/admin/2fa/setup/?next=/admin/pages/"

    new_device, new_codes = enrol(client, staff_user)  # the new phone: QR code and key, its first code
    assert list(TOTPDevice.objects.filter(user=staff_user)) == [new_device]  # the old app no longer works
    assert len(new_codes) == 10
    assert not StaticToken.objects.filter(token__in=codes).exists()  # nor the old backup codes
    assert client.get("/admin/pages/").status_code == 200
    # The proof was for this replacement: the next one asks again.
    assert REPLACE_PROOF_SESSION_KEY not in client.session
    assert "Nieuwe telefoon koppelen" in client.get("/admin/2fa/setup/").content.decode()


def test_the_proof_holds_for_a_short_while_only(enrolled, staff_user):
    client, device, _codes = enrolled
    assert prove(client, code_for(device, drift=1)).status_code == 302
    assert "<svg" in client.get("/admin/2fa/setup/").content.decode()
    session = client.session
    session[REPLACE_PROOF_SESSION_KEY] = int(time.time()) - REPLACE_PROOF_SECONDS - 1
    session.save()
    # The new app's code posted too late: the proof is asked for again, the code is not tried on the old app.
    new_device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
    response = client.post("/admin/2fa/setup/", {"token": code_for(new_device), "next": "/admin/"})
    html = response.content.decode()
    assert "Nieuwe telefoon koppelen" in html and "Bevestig eerst opnieuw" in html and "klopt niet" not in html
    assert list(TOTPDevice.objects.filter(user=staff_user, confirmed=True)) == [device]
    device.refresh_from_db()
    assert device.throttling_failure_count == 0
