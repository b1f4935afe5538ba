"""Nobody can flood someone else's mailbox through the subscribe form, nor keep or change an address they typed.

Before: five posts for victim+0..+4@ from one client sent five confirmation mails, the same address got one every
ten minutes (144 a day), and a stranger re-posting an unconfirmed address overwrote its lists and language and
renewed its consent date, so it was still stored past the seven-day deletion with a consent the person never gave.
"""

from __future__ import annotations

import datetime
import time
import types

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from newsletter import subscriptions
from newsletter.models import Subscriber
from newsletter.retention import run_housekeeping

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The cache's clock, moved forward by `clock.pass_(seconds)` (no sleeping: entries expire as they would)."""
    offset = {"seconds": 0.0}
    fake = types.SimpleNamespace(time=lambda: time.time() + offset["seconds"])
    monkeypatch.setattr("django.core.cache.backends.locmem.time", fake)
    monkeypatch.setattr("django.core.cache.backends.base.time", fake)

    def pass_(seconds: float) -> None:
        offset["seconds"] += seconds

    return types.SimpleNamespace(pass_=pass_)


@pytest.fixture
def post(client, newsletter_page, django_capture_on_commit_callbacks):
    url = reverse("newsletter:subscribe", args=[newsletter_page.pk])

    def post_(email: str, lists, language: str = "nl"):
        data = {"email": email, "lists": [lst.pk for lst in lists], "language": language, "consent": "on"}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post_


def test_plus_tags_of_one_mailbox_get_one_confirmation_mail(client, post, los_list):
    responses = [post(f"slachtoffer+{n}@example.org", [los_list]) for n in range(5)]
    assert len(mail.outbox) == 1
    # The visitor cannot tell which post sent a mail: every answer is the same redirect to the same page.
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, responses[0]["Location"])}


def test_an_unconfirmed_address_gets_one_confirmation_mail_a_day_and_three_in_all(post, los_list, clock):
    sent = []
    for _hour in range(24 * 6):  # someone posts it every hour for six days
        post("doelwit@example.org", [los_list])
        sent.append(len(mail.outbox))
        clock.pass_(3600)
    assert len(mail.outbox) == 3
    assert sent[0] == 1 and sent[23] == 1 and sent[24] == 2  # one a day


def test_a_confirmed_address_gets_at_most_three_mails_a_day(post, make_subscriber, los_list, clock):
    make_subscriber("bekend@example.org")
    for _ in range(24 * 6):  # every ten minutes, a whole day
        post("bekend@example.org", [los_list])
        clock.pass_(600)
    assert len(mail.outbox) == 3
    assert all("/nieuwsbrief/wijzigen/" in message.body for message in mail.outbox)


def test_a_stranger_cannot_change_or_keep_an_unconfirmed_address(los_list, women_list):
    subscriptions.subscribe("iemand@example.org", [los_list], "nl", root="http://localhost")
    six_days_ago = timezone.now() - datetime.timedelta(days=6)
    Subscriber.objects.filter(email="iemand@example.org").update(consent_at=six_days_ago)
    subscriptions.subscribe("IEMAND@example.org", [women_list], "en", root="http://localhost")
    subscriber = Subscriber.objects.get(email="iemand@example.org")
    assert (list(subscriber.lists.all()), subscriber.language) == ([los_list], "nl")
    assert subscriber.consent_at == six_days_ago  # the consent the person gave, or nothing
    run_housekeeping(now=timezone.now() + datetime.timedelta(days=2))
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()  # deleted on day 8 as promised


@pytest.mark.parametrize(
    ("typed", "box"),
    [
        ("Naam+nieuws@Example.org", "naam@example.org"),
        ("naam@example.org", "naam@example.org"),
        (" a+b+c@x.nl ", "a@x.nl"),
    ],
)
def test_the_mailbox_of_an_address(typed, box):
    from security.ratelimit import mailbox

    assert mailbox(typed) == box
