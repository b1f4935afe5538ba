"""Subscribing with double opt-in, signed expiring links, one-click unsubscribe that deletes the address."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from newsletter.models import Subscriber
from newsletter.retention import run_housekeeping
from newsletter.tokens import CONFIRM, MANAGE, make_token, read_token

pytestmark = pytest.mark.django_db


def subscribe(client, page, email="nieuw@example.org", lists=None, headers=None, **extra):
    data = {"email": email, "lists": [lst.pk for lst in lists] if lists else [], "language": "nl", "consent": "on"}
    data.update(extra)
    return client.post(reverse("newsletter:subscribe", args=[page.pk]), data, headers=headers)


def token_made_ago(subscriber, purpose: str, days: float, monkeypatch) -> str:
    """A token as if it had been made `days` ago (the signer's clock, nothing else, turned back)."""
    with monkeypatch.context() as patch:
        past = int(time.time() - days * 86400)
        patch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(past))
        return make_token(subscriber, purpose)


def link_in(message, name: str) -> str:
    match = re.search(rf"https?://\S+/nieuwsbrief/{name}/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def test_an_address_is_not_subscribed_until_it_confirms(
    client, newsletter_page, los_list, issue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, newsletter_page, lists=[los_list])
    assert response.status_code == 302
    assert response["Location"].endswith("/nieuwsbrief/bedankt/")
    subscriber = Subscriber.objects.get(email="nieuw@example.org")
    assert not subscriber.is_confirmed
    assert not issue.recipients().filter(pk=subscriber.pk).exists()

    [message] = mail.outbox
    assert message.to == ["nieuw@example.org"]
    link = link_in(message, "bevestigen")
    # Following the link shows a button (mail scanners follow links); only the POST confirms.
    page = client.get(link)
    assert page.status_code == 200
    Subscriber.objects.get(pk=subscriber.pk, confirmed_at__isnull=True)
    assert client.post(link).status_code == 200
    assert issue.recipients().filter(pk=subscriber.pk).exists()


def test_the_form_never_reveals_whether_an_address_is_known(
    client, newsletter_page, los_list, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber("bekend@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = subscribe(client, newsletter_page, email="BEKEND@example.org", lists=[los_list])
        unknown = subscribe(client, newsletter_page, email="onbekend@example.org", lists=[los_list])
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
    # Both get one mail; the known address a link to change its lists, not a second subscription.
    assert sorted(m.to[0] for m in mail.outbox) == ["bekend@example.org", "onbekend@example.org"]
    assert Subscriber.objects.with_address("bekend@example.org").count() == 1
    assert "/nieuwsbrief/wijzigen/" in mail.outbox[0].body


def test_one_address_gets_at_most_one_mail_per_interval(
    client, newsletter_page, los_list, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            subscribe(client, newsletter_page, email="spam-doelwit@example.org", lists=[los_list])
    assert len(mail.outbox) == 1


def test_links_are_signed_per_purpose_and_expire(make_subscriber, settings, monkeypatch):
    subscriber = make_subscriber(confirmed=False)
    confirm_token = make_token(subscriber, CONFIRM)
    assert read_token(confirm_token, CONFIRM) == subscriber
    assert read_token(confirm_token, MANAGE) is None  # a confirmation link cannot unsubscribe
    assert read_token(confirm_token[:-1] + ("A" if confirm_token[-1] != "A" else "B"), CONFIRM) is None
    assert read_token(subscriber.key.hex, CONFIRM) is None  # unsigned
    days = settings.NEWSLETTER_CONFIRM_DAYS
    assert read_token(token_made_ago(subscriber, CONFIRM, days - 0.1, monkeypatch), CONFIRM) == subscriber
    assert read_token(token_made_ago(subscriber, CONFIRM, days + 0.1, monkeypatch), CONFIRM) is None
    days = settings.NEWSLETTER_MANAGE_LINK_DAYS
    assert read_token(token_made_ago(subscriber, MANAGE, days - 1, monkeypatch), MANAGE) == subscriber
    assert read_token(token_made_ago(subscriber, MANAGE, days + 1, monkeypatch), MANAGE) is None


def test_an_expired_link_says_so_and_offers_a_new_one(client, make_subscriber, settings, monkeypatch):
    token = token_made_ago(make_subscriber(confirmed=False), CONFIRM, settings.NEWSLETTER_CONFIRM_DAYS + 1, monkeypatch)
    response = client.get(reverse("newsletter:confirm", args=[token]))
    assert response.status_code == 404
    assert "Deze link werkt niet meer" in response.text
    assert reverse("newsletter:request_link") in response.text


def test_one_click_unsubscribe_deletes_the_address(make_subscriber, issue):
    from django.test import Client

    subscriber = make_subscriber()
    url = reverse("newsletter:unsubscribe", args=[make_token(subscriber, MANAGE)])
    # RFC 8058: the provider POSTs "List-Unsubscribe=One-Click" from its own server, without cookie or CSRF token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert not Subscriber.objects.with_address("lezer@example.org").exists()
    assert client.post(url).status_code == 200  # twice is fine: the wish is done


def test_unsubscribe_link_shows_a_button_and_changes_nothing(client, make_subscriber):
    subscriber = make_subscriber()
    url = reverse("newsletter:unsubscribe", args=[make_token(subscriber, MANAGE)])
    response = client.get(url)
    assert response.status_code == 200
    assert 'method="post"' in response.text
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]


def test_changing_lists_and_unticking_all_deletes_the_address(client, make_subscriber, los_list, women_list):
    subscriber = make_subscriber()
    url = reverse("newsletter:manage", args=[make_token(subscriber, MANAGE)])
    assert client.get(url).status_code == 200
    assert client.post(url, {"lists": [los_list.pk, women_list.pk]}).status_code == 200
    assert set(subscriber.lists.all()) == {los_list, women_list}
    response = client.post(url, {})
    assert "Je bent afgemeld" in response.text
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_requesting_a_link_answers_the_same_for_any_address(client, make_subscriber):
    make_subscriber("bekend@example.org")
    url = reverse("newsletter:request_link")
    known = client.post(url, {"email": "bekend@example.org"})
    unknown = client.post(url, {"email": "onbekend@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert [m.to for m in mail.outbox] == [["bekend@example.org"]]


def test_unconfirmed_addresses_are_deleted_after_days(make_subscriber, settings):
    fresh = make_subscriber("vers@example.org", confirmed=False)
    old = make_subscriber("oud@example.org", confirmed=False)
    confirmed = make_subscriber("bevestigd@example.org")
    Subscriber.objects.filter(pk__in=[old.pk, confirmed.pk]).update(
        consent_at=timezone.now() - datetime.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS + 1)
    )
    assert run_housekeeping(dry_run=True).purged == 1
    assert Subscriber.objects.filter(pk=old.pk).exists()
    result = run_housekeeping()
    assert result.purged == 1
    assert set(Subscriber.objects.filter(pk__in=[fresh.pk, old.pk, confirmed.pk])) == {fresh, confirmed}


def test_visitors_get_no_cookie_and_the_form_page_is_cacheable(client, newsletter_page, los_list):
    response = client.get(newsletter_page.url)
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text
    assert "public" in response["Cache-Control"]
    posted = subscribe(client, newsletter_page, lists=[los_list])
    assert not posted.cookies
    assert "no-store" in posted["Cache-Control"]


def test_cross_site_posts_and_bots_are_refused_quietly(client, newsletter_page, los_list):
    refused = subscribe(client, newsletter_page, lists=[los_list], headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403
    bot = subscribe(client, newsletter_page, email="bot@example.org", lists=[los_list], hp_website="http://x")
    assert bot.status_code == 302
    assert not Subscriber.objects.with_address("bot@example.org").exists()


def test_addresses_never_reach_the_logs(client, newsletter_page, los_list, caplog, django_capture_on_commit_callbacks):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, newsletter_page, email="geheim-adres@example.org", lists=[los_list])
    subscriber = Subscriber.objects.get(email="geheim-adres@example.org")
    client.post(reverse("newsletter:confirm", args=[make_token(subscriber, CONFIRM)]))
    client.post(reverse("newsletter:unsubscribe", args=[make_token(subscriber, MANAGE)]))
    assert "geheim-adres" not in caplog.text
