"""Hostile input on every newsletter form, address and parameter: a clear answer, nothing written, never a 500.

Run on PostgreSQL too (DATABASE_URL): NUL bytes and out-of-range ids behave differently there.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
from django.urls import reverse

from newsletter.models import Delivery, Subscriber
from newsletter.tokens import MANAGE, make_token

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    "a" * 5000,
    "x\x00y@example.org",
    "<script>alert(1)</script>@example.org",
    "'; DROP TABLE newsletter_subscriber; --",
    '=HYPERLINK("http://evil")',
    "ünïcødé@exämple.org",
    "\u202eevil@example.org",
    "a@b",
    "@@@",
    "lezer@example.org\r\nBcc: iedereen@example.org",
]


@pytest.mark.parametrize("email", NASTY)
def test_the_subscribe_form_refuses_bad_addresses_in_the_visitors_language(client, newsletter_page, los_list, email):
    before = Subscriber.objects.count()
    response = client.post(
        reverse("newsletter:subscribe", args=[newsletter_page.pk]),
        {"email": email, "lists": [los_list.pk], "language": "nl", "consent": "on"},
    )
    assert response.status_code == 400
    assert "Controleer het formulier" in response.text
    assert Subscriber.objects.count() == before


@pytest.mark.parametrize(
    "data",
    [
        {"email": "a@example.org", "lists": ["999999999999"], "language": "nl", "consent": "on"},
        {"email": "a@example.org", "lists": ["abc"], "language": "nl", "consent": "on"},
        {"email": "a@example.org", "lists": ["\x00"], "language": "nl", "consent": "on"},
        {"email": "a@example.org", "lists": [], "language": "nl", "consent": "on"},
        {"email": "a@example.org", "lists": ["1"], "language": "xx", "consent": "on"},
        {"email": "a@example.org", "lists": ["1"], "language": "nl\x00", "consent": "on"},
        {"email": "a@example.org", "lists": ["1"], "language": "nl"},  # no consent
        {},
    ],
)
def test_bad_lists_languages_and_missing_consent_write_nothing(client, newsletter_page, data):
    response = client.post(reverse("newsletter:subscribe", args=[newsletter_page.pk]), data)
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert not Subscriber.objects.with_address("a@example.org").exists()


def test_a_list_the_page_does_not_offer_is_refused(client, home_page, women_list):
    from newsletter.models import NewsletterPage

    microsite_page = NewsletterPage.objects.exclude(pk__in=NewsletterPage.objects.child_of(home_page)).first()
    los = microsite_page.lists.model.objects.get(slug="los-nieuws")
    response = client.post(
        reverse("newsletter:subscribe", args=[microsite_page.pk]),
        {"email": "a@example.org", "lists": [los.pk], "language": "nl", "consent": "on"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize("page_id", ["0", "99999999999999999999", "-1"])
def test_unknown_form_pages(client, page_id):
    response = client.post(f"/nieuwsbrief/aanmelden/{page_id}/", {"email": "a@example.org"})
    assert response.status_code == 404


def test_the_subscribe_address_takes_only_posts(client, newsletter_page):
    assert client.get(reverse("newsletter:subscribe", args=[newsletter_page.pk])).status_code == 405


def test_the_rate_limit_answers_clearly(client, newsletter_page, los_list, settings):
    settings.NEWSLETTER_RATE_LIMIT = (2, 600)
    url = reverse("newsletter:subscribe", args=[newsletter_page.pk])
    data = {"email": "a@example.org", "lists": [los_list.pk], "language": "nl", "consent": "on"}
    assert [client.post(url, data).status_code for _ in range(3)] == [302, 302, 429]


TOKENS = ["x", "a" * 5000, "abc:def:ghi", "%00", "..%2F..%2Fetc%2Fpasswd", "\u202e", "1:2", "🙂:🙂"]


@pytest.mark.parametrize("name", ["confirm", "unsubscribe", "manage"])
@pytest.mark.parametrize("token", TOKENS)
def test_bad_tokens_lead_to_the_link_page(client, name, token, make_subscriber):
    subscriber = make_subscriber()
    url = f"/nieuwsbrief/{ {'confirm': 'bevestigen', 'unsubscribe': 'afmelden', 'manage': 'wijzigen'}[name] }/{token}/"
    for method in (client.get, client.post):
        response = method(url)
        # 400: unusable bytes in the address, refused before any view (security/bad_input.py)
        assert response.status_code in (200, 400, 404), (method, response.status_code)
    assert Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=False).exists()


@pytest.mark.parametrize("lists", [["999999999999"], ["abc"], ["\x00"], ["1", "1", "1"] * 100])
def test_the_change_lists_form_refuses_nonsense(client, make_subscriber, lists):
    subscriber = make_subscriber()
    url = reverse("newsletter:manage", args=[make_token(subscriber, MANAGE)])
    response = client.post(url, {"lists": lists})
    assert response.status_code in (200, 400)
    assert Subscriber.objects.filter(pk=subscriber.pk).exists() or lists == []


@pytest.mark.parametrize("email", NASTY)
def test_the_request_link_form(client, email):
    response = client.post(reverse("newsletter:request_link"), {"email": email})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("path", ["archief/abc/", "archief/99999999999999/", "archief/0/", "archief/%00/"])
def test_bad_archive_addresses(client, newsletter_page, path):
    assert client.get(newsletter_page.url + path).status_code == (400 if "%00" in path else 404)


def mailgun_post(client, payload, key="webhook-geheim"):
    body = json.dumps(payload) if not isinstance(payload, (str, bytes)) else payload
    return client.post(reverse("newsletter_mailgun_webhook"), body, content_type="application/json")


def signed(key="webhook-geheim", token="t" * 50, timestamp=None):
    timestamp = str(int(timestamp or time.time()))
    digest = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {"timestamp": timestamp, "token": token, "signature": digest}


@pytest.fixture
def webhook_key(settings):
    settings.NEWSLETTER_MAILGUN_WEBHOOK_KEY = "webhook-geheim"


def test_a_signed_permanent_bounce_deletes_the_address(client, webhook_key, issue, make_subscriber):
    subscriber = make_subscriber()
    delivery = Delivery.objects.create(issue=issue, subscriber=subscriber, status="sent", message_id="<abc@los>")
    event = {"event": "failed", "severity": "permanent", "message": {"headers": {"message-id": "abc@los"}}}
    assert mailgun_post(client, {"signature": signed(), "event-data": event}).status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED and delivery.subscriber is None
    # The same report again (a replay) is refused.
    assert mailgun_post(client, {"signature": signed(), "event-data": event}).status_code == 403


def test_a_complaint_deletes_the_address_and_a_temporary_failure_does_not(client, webhook_key, issue, make_subscriber):
    keep, go = make_subscriber("blijft@example.org"), make_subscriber("klaagt@example.org")
    Delivery.objects.create(issue=issue, subscriber=keep, status="sent", message_id="<1@los>")
    Delivery.objects.create(issue=issue, subscriber=go, status="sent", message_id="<2@los>")
    temporary = {"event": "failed", "severity": "temporary", "message": {"headers": {"message-id": "1@los"}}}
    complaint = {"event": "complained", "message": {"headers": {"message-id": "2@los"}}}
    assert mailgun_post(client, {"signature": signed(token="a" * 40), "event-data": temporary}).status_code == 200
    assert mailgun_post(client, {"signature": signed(token="b" * 40), "event-data": complaint}).status_code == 200
    assert list(Subscriber.objects.filter(pk__in=[keep.pk, go.pk])) == [keep]


@pytest.mark.parametrize(
    "payload",
    [
        "not json",
        "\x00",
        "[]",
        {},
        {"signature": "x", "event-data": {}},
        {"signature": {}, "event-data": []},
        {"signature": {"timestamp": "abc", "token": "t", "signature": "s"}, "event-data": {}},
        {"signature": {"timestamp": "1", "token": "t", "signature": "s"}, "event-data": {}},
        # Digits to str.isdigit(), not to int(): answered 500 before the signature was looked at.
        {"signature": {"timestamp": "²", "token": "t", "signature": "s"}, "event-data": {}},
        {"signature": {"timestamp": "①", "token": "t", "signature": "s"}, "event-data": {}},
    ],
)
def test_the_webhook_refuses_unsigned_or_malformed_reports(client, webhook_key, payload):
    assert mailgun_post(client, payload).status_code in (400, 403)


@pytest.mark.parametrize(
    "body",
    [
        "[" * 200_000,  # answered 500 (RecursionError), to anyone, before any signature
        '{"signature": ' + "[" * 100_000 + "]" * 100_000 + ', "event-data": {}}',
        '{"event-data": {}, "signature": {"token": ' + '{"a": ' * 20_000 + "1" + "}" * 20_000 + "}}",
    ],
)
def test_the_webhook_refuses_deeply_nested_json(client, webhook_key, body):
    client.raise_request_exception = False
    assert mailgun_post(client, body).status_code == 400


def test_the_webhook_refuses_a_big_body_before_reading_it(client, webhook_key):
    client.raise_request_exception = False
    assert mailgun_post(client, " " * 300_000 + "{}").status_code == 413
    response = client.post(reverse("newsletter_mailgun_webhook"), "x" * 3_000_000, content_type="text/plain")
    assert response.status_code == 413


@pytest.mark.parametrize(
    "event",
    [
        {"event": "failed", "severity": "permanent", "message": "x"},
        {"event": "failed", "severity": "permanent", "message": {"headers": ["x"]}},
        {"event": "failed", "severity": "permanent", "message": {"headers": {"message-id": "a\x00b"}}},
        {"event": "failed", "severity": "permanent", "message": {"headers": {"message-id": "a" * 5000}}},
        {"event": ["failed"], "severity": None},
    ],
)
def test_the_webhook_survives_odd_but_signed_reports(client, webhook_key, event):
    assert (
        mailgun_post(client, {"signature": signed(token=str(hash(str(event)))), "event-data": event}).status_code == 200
    )


def test_the_webhook_is_off_without_a_key(client, settings):
    settings.NEWSLETTER_MAILGUN_WEBHOOK_KEY = ""
    assert mailgun_post(client, {"signature": signed(), "event-data": {}}).status_code == 404


def test_a_wrong_signature_or_an_old_one_is_refused(client, webhook_key):
    assert mailgun_post(client, {"signature": signed(key="fout"), "event-data": {}}).status_code == 403
    old = signed(timestamp=time.time() - 3600)
    assert mailgun_post(client, {"signature": old, "event-data": {}}).status_code == 403
