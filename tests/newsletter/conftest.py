"""Fixtures for the newsletter: the demo's lists and pages, subscribers and an issue of the demo's items."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from newsletter.models import Issue, MailingList, NewsletterPage, Subscriber, SupportPage

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def los_list(db) -> MailingList:
    return MailingList.objects.get(slug="los-nieuws")


@pytest.fixture
def women_list(db) -> MailingList:
    return MailingList.objects.get(slug="ilegalevrouw")


@pytest.fixture
def newsletter_page(home_page) -> NewsletterPage:
    return NewsletterPage.objects.child_of(home_page).get()


@pytest.fixture
def support_page(home_page) -> SupportPage:
    return SupportPage.objects.child_of(home_page).get()


@pytest.fixture
def make_subscriber(los_list):
    def make(email: str = "lezer@example.org", *, confirmed: bool = True, lists=None, language: str = "nl"):
        now = timezone.now()
        subscriber = Subscriber.objects.create(
            email=email, language=language, consent_at=now, confirmed_at=now if confirmed else None
        )
        subscriber.lists.set(lists or [los_list])
        return subscriber

    return make


@pytest.fixture
def issue(los_list) -> Issue:
    return Issue.objects.get(subject__startswith="LOS nieuws: medische zorg")


@pytest.fixture
def make_user(django_user_model):
    def make(group: str | None, username: str | None = None):
        user = django_user_model.objects.create_user(
            username or (group or "niemand").lower().replace(" ", "-"), email="staf@example.org", password=PASSWORD
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def login(client, make_user):
    def as_member(group: str | None):
        user = make_user(group)
        client.force_login(user)
        client.user = user
        return client

    return as_member
