"""The admin's password reset cannot flood an editor's mailbox: 30 posts with their address sent 30 mails."""

from __future__ import annotations

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "redacteur", email="redacteur@example.org", password="een-lang-wachtwoord-2026"
    )


def test_one_reset_mail_per_mailbox_however_many_clients_ask(client, editor):
    answers = set()
    for n in range(30):  # thirty clients, each within its own limit, some with a +tag
        address = "Redacteur+x@example.org" if n % 2 else "redacteur@example.org"
        response = client.post(URL, {"email": address}, REMOTE_ADDR=f"192.0.2.{n + 1}")
        answers.add((response.status_code, response["Location"]))
    assert len(mail.outbox) == 1
    assert answers == {(302, "/admin/password_reset/done/")}  # the same answer, mail or not


def test_the_answer_does_not_tell_whether_an_address_has_an_account(client, editor):
    known = client.post(URL, {"email": "redacteur@example.org"})
    unknown = client.post(URL, {"email": "niemand@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [message.to for message in mail.outbox] == [["redacteur@example.org"]]


def test_one_client_is_limited_with_a_message(client, editor, settings):
    limit, window = settings.LOS_PASSWORD_RESET_RATE_LIMIT
    for n in range(limit):
        assert client.post(URL, {"email": f"iemand{n}@example.org"}).status_code == 302
    refused = client.post(URL, {"email": "redacteur@example.org"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(window)
    assert "Je hebt het te vaak geprobeerd" in refused.text
    assert mail.outbox == []
