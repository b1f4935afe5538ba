"""Staff accounts: login throttling without IP addresses, no user enumeration, password rules, session expiry."""

from __future__ import annotations

import datetime
import ipaddress
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from .conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db


COLLEAGUE, STRANGER = "203.0.113.7", "198.51.100.66"  # client addresses


def attempt(client: Client, username: str, password: str, address: str = COLLEAGUE, **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        **{"REMOTE_ADDR": address, "HTTP_USER_AGENT": "Mozilla/5.0 (test)", **headers},
    )


def test_fifth_failure_locks_the_user_name_even_for_the_right_password(client, staff_user, axes_on, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        assert attempt(client, "redacteur", "fout").status_code == 200
    locked = attempt(client, "redacteur", "fout")
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.content.decode()
    # from another browser, with the right password: still refused until the cool-off has passed
    assert attempt(Client(), "redacteur", STAFF_PASSWORD).status_code == 429
    assert "_auth_user_id" not in Client().session


def test_lockout_looks_the_same_for_unknown_names(client, axes_on, settings):
    settings.AXES_FAILURE_LIMIT = 3
    known = get_user_model().objects.create_user("bestaat", password=STAFF_PASSWORD)
    for name in (known.username, "bestaat-niet"):
        for _ in range(2):
            attempt(client, name, "fout")
        response = attempt(client, name, "fout")
        assert response.status_code == 429, name
    assert {a.username for a in AccessAttempt.objects.all()} == {"bestaat", "bestaat-niet"}


def test_throttling_records_keep_no_ip_address_or_user_agent(client, staff_user, axes_on):
    """Axes tells clients apart by a pseudonym of the address (an HMAC in the discard-only prefix 100::/64)."""
    attempt(client, "redacteur", "fout")
    attempt(client, "redacteur", "fout", address=STRANGER)
    records = AccessAttempt.objects.filter(username="redacteur")
    assert len({record.ip_address for record in records}) == 2
    for record in records:
        assert ipaddress.ip_address(record.ip_address) in ipaddress.ip_network("100::/64")
        assert record.user_agent == ""
        assert record.failures_since_start == 1
    stored = " ".join(str(value) for value in records.values_list(flat=False))
    assert COLLEAGUE not in stored and STRANGER not in stored


def test_a_strangers_failures_elsewhere_do_not_lock_the_colleague_out(client, staff_user, axes_on, settings):
    """By user name alone, anyone who knew a name could fail five times every cool-off and keep that colleague
    locked out for good. The lockout is per user name and client now: the stranger locks out only themselves."""
    settings.AXES_FAILURE_LIMIT = 5
    assert [attempt(Client(), "redacteur", "fout", address=STRANGER).status_code for _ in range(5)][-1] == 429
    assert attempt(Client(), "redacteur", STAFF_PASSWORD, address=STRANGER).status_code == 429
    assert attempt(Client(), "redacteur", STAFF_PASSWORD, address=COLLEAGUE).status_code == 302
    # and the colleague's login does not lift the stranger's lockout
    assert attempt(Client(), "redacteur", STAFF_PASSWORD, address=STRANGER).status_code == 429


def test_guessing_from_one_client_is_still_stopped_behind_the_proxy(client, staff_user, axes_on, settings):
    """Behind the proxy the client is the address it reports (security/ratelimit.py `client_address`): entries a
    guesser writes into X-Forwarded-For themselves, a new browser or a new user agent give them no fresh start."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.CLIENT_IP_HEADER, settings.CLIENT_IP_PROXY_HOPS = "X-Forwarded-For", 1
    statuses = [
        attempt(
            Client(),
            "redacteur",
            "fout",
            address="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {STRANGER}",
            HTTP_USER_AGENT=f"Agent {n}",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 4 + [429] * 2
    right = attempt(Client(), "redacteur", STAFF_PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=STRANGER)
    assert right.status_code == 429
    assert attempt(Client(), "redacteur", STAFF_PASSWORD, HTTP_X_FORWARDED_FOR=COLLEAGUE).status_code == 302


def test_success_resets_the_counter_and_logs_in(client, staff_user, axes_on):
    attempt(client, "redacteur", "fout")
    response = attempt(client, "redacteur", STAFF_PASSWORD)
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="redacteur").exists()


def test_force_login_and_client_login_keep_working(staff_user):
    client = Client()
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200
    other = Client()
    assert other.login(username="redacteur", password=STAFF_PASSWORD)  # test settings: axes off
    assert other.get("/admin/").status_code == 200


def test_purge_login_records_removes_expired_ones(staff_user, axes_on, client, settings):
    import datetime

    from django.utils import timezone

    attempt(client, "redacteur", "fout")
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))
    attempt(client, "ander", "fout")
    call_command("purge_login_records", verbosity=0)
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["ander"]


def test_login_errors_do_not_tell_which_part_was_wrong(client, staff_user):
    wrong_password = attempt(client, "redacteur", "fout").content.decode()
    unknown_user = attempt(client, "niemand-hier", "fout").content.decode()

    def errors(html: str) -> list[str]:
        import re

        return re.findall(r'<li class="error">(.*?)</li>', html, re.S)

    assert errors(wrong_password) == errors(unknown_user)
    assert errors(wrong_password)


def test_inactive_account_answers_like_a_wrong_password(client, staff_user):
    staff_user.is_active = False
    staff_user.save()
    inactive = attempt(client, "redacteur", STAFF_PASSWORD)
    unknown = attempt(client, "niemand-hier", "fout")
    assert inactive.status_code == unknown.status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset_does_not_reveal_accounts(client, staff_user):
    known = client.post("/admin/password_reset/", {"email": "redacteur@example.org"})
    unknown = client.post("/admin/password_reset/", {"email": "onbekend@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["redacteur@example.org"]]  # only the real account gets mail


@pytest.mark.parametrize(
    "password",
    [
        "kort",
        "wachtwoord123",
        "123456789012345",
        "redacteur2026!",
        "password1234",
        "StichtingLOS-2026!",
        "Welkom01!!!!",
    ],
)
def test_weak_passwords_are_refused(staff_user, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=staff_user)


def test_strong_password_is_accepted(staff_user):
    validate_password("paarse-fiets-onder-de-brug-7", user=staff_user)


def test_admin_session_expires(client, staff_user, settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_COOKIE_HTTPONLY
    response = client.post("/admin/login/", {"username": "redacteur", "password": STAFF_PASSWORD})
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()  # "remember me" not ticked
    remembered = Client()
    remembered.post("/admin/login/", {"username": "redacteur", "password": STAFF_PASSWORD, "remember": "on"})
    assert remembered.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_a_user_name_longer_than_any_account_is_a_failed_login_not_a_500(client, axes_on, settings):
    """The front-end login's form (Django's) checks the length only after authenticating, so axes stored the name
    as sent: 300 characters did not fit its table (a 500 on PostgreSQL). Axes keeps the first 150, and still locks
    it out. The admin's login form refuses such a name before authenticating."""
    settings.AXES_FAILURE_LIMIT = 3
    name = "a" * 300

    def post(path: str):
        return client.post(path, {"username": name, "password": "fout"}, HTTP_SEC_FETCH_SITE="same-origin")

    assert [post("/_util/login/").status_code for _ in range(3)] == [200, 200, 429]
    assert {a.username for a in AccessAttempt.objects.all()} == {"a" * 150}
    assert post("/admin/login/").status_code in (200, 429)


def test_a_visitor_locked_out_on_the_sites_login_gets_the_sites_page_in_their_language(client, axes_on, settings):
    """The visitors' login (restricted pages) answered with the admin's page: Dutch text under lang="en", and a
    button to /admin/login/. Now the site's own page in the address's language, back to the same login."""
    settings.AXES_FAILURE_LIMIT = 2
    path = "/en/_util/login/?next=/en/"
    for _ in range(2):
        response = client.post(path, {"username": "lid", "password": "fout"}, HTTP_SEC_FETCH_SITE="same-origin")
    html = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="en"' in html and "Too many failed attempts" in html and "Te veel" not in html
    assert 'href="/en/_util/login/?next=/en/"' in html and "/admin/login/" not in html
    admin = client.post("/admin/login/", {"username": "lid", "password": "fout"}, HTTP_ACCEPT_LANGUAGE="nl")
    assert admin.status_code == 429 and "Te veel mislukte pogingen" in admin.content.decode()


def _shift_login_records(minutes: int) -> None:
    """Let time pass for django-axes: its records are `minutes` older (no sleeping)."""
    from django.db.models import F

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=minutes))


def test_wrong_passwords_during_a_lockout_do_not_extend_it(staff_user, axes_on, settings):
    """axes' default counted every wrong password during a lockout too, so a stranger who kept trying kept the
    editor locked out: now the lockout ends when the failures that caused it are older than the cool-off."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    for _ in range(5):
        locked = attempt(Client(), "redacteur", "fout")
    assert locked.status_code == 429
    _shift_login_records(14)
    assert [attempt(Client(), "redacteur", "fout").status_code for _ in range(5)] == [429] * 5
    assert attempt(Client(), "redacteur", STAFF_PASSWORD).status_code == 429  # still within the cool-off
    _shift_login_records(2)
    assert attempt(Client(), "redacteur", STAFF_PASSWORD).status_code == 302


def test_a_completed_password_reset_lifts_the_lockout(staff_user, axes_on, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(5):
        attempt(Client(), "redacteur", "fout")
    assert attempt(Client(), "redacteur", STAFF_PASSWORD).status_code == 429
    for _ in range(5):  # locked from a second client too
        attempt(Client(), "redacteur", "fout", address=STRANGER)
    other = get_user_model().objects.create_user("collega", password=STAFF_PASSWORD)
    for _ in range(5):
        attempt(Client(), other.username, "fout")

    browser = Client()
    browser.post("/admin/password_reset/", {"email": "redacteur@example.org"})
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", mail.outbox[0].body).group(1)
    form = browser.get(link)
    new_password = "paarse-fiets-onder-de-brug-7"
    done = browser.post(form["Location"], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302

    assert attempt(Client(), "redacteur", new_password).status_code == 302
    assert attempt(Client(), "redacteur", new_password, address=STRANGER).status_code == 302  # every client's
    # only that user name: another locked account stays locked
    assert attempt(Client(), "collega", STAFF_PASSWORD).status_code == 429


def test_saving_a_user_without_a_new_password_keeps_the_lockout(staff_user, axes_on, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        attempt(Client(), "redacteur", "fout")
    staff_user.first_name = "Fatima"
    staff_user.save()
    assert attempt(Client(), "redacteur", STAFF_PASSWORD).status_code == 429
