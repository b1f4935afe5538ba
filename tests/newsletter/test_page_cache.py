"""Subscriptions are private: subscribing, confirming, changing lists and unsubscribing leave the page cache alone
(caching/signals.py `register_private_snippets`), while a change visitors do see (a list's name) still reaches them."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from caching.fragments import fragment_version
from newsletter.models import Subscriber
from newsletter.tokens import MANAGE, make_token

pytestmark = pytest.mark.django_db


def test_a_whole_subscription_leaves_every_cached_page_valid(
    client, newsletter_page, los_list, women_list, django_capture_on_commit_callbacks
):
    version = fragment_version()
    data = {"email": "stil@example.org", "lists": [los_list.pk], "language": "nl", "consent": "on"}
    # Each step commits (the version would be replaced again on commit, and the mail goes out then).
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("newsletter:subscribe", args=[newsletter_page.pk]), data).status_code == 302
    confirm_link = re.search(r"https?://\S+/nieuwsbrief/bevestigen/\S+/", mail.outbox[-1].body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm_link).status_code == 200
    subscriber = Subscriber.objects.get(email="stil@example.org")
    assert subscriber.confirmed_at is not None
    token = make_token(subscriber, MANAGE)
    with django_capture_on_commit_callbacks(execute=True):
        changed = client.post(reverse("newsletter:manage", args=[token]), {"lists": [los_list.pk, women_list.pk]})
    assert changed.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("newsletter:unsubscribe", args=[token])).status_code == 200
    assert not Subscriber.objects.filter(email="stil@example.org").exists()
    assert fragment_version() == version


def test_renaming_a_list_visitors_see_still_makes_pages_stale(los_list):
    version = fragment_version()
    los_list.name = "LOS-nieuws (maandelijks)"
    los_list.save()  # a snippet shown on the subscribe form
    assert fragment_version() != version
