"""Fixtures for the Meldpunt: reports at real locations with seeded topics, and users of each group."""

from __future__ import annotations

import pytest

from meldpunt.models import DetentionLocation, Report, Topic, Urgency


@pytest.fixture
def location(db) -> DetentionLocation:
    return DetentionLocation.objects.get(name="Detentiecentrum Rotterdam")


@pytest.fixture
def make_report(location):
    def make(**fields) -> Report:
        topics = fields.pop("topics", ["medical"])
        fields.setdefault("location", location)
        fields.setdefault("description", "Geen arts gezien na drie dagen klachten.")
        fields.setdefault("urgency", Urgency.NORMAL)
        report = Report.objects.create(**fields)
        report.topics.set(Topic.objects.filter(slug__in=topics))
        return report

    return make


@pytest.fixture
def user_in(django_user_model):
    """A user in one group of editors/roles.py ("superuser" for a superuser)."""
    from django.contrib.auth.models import Group

    def make(group: str):
        if group == "superuser":
            return django_user_model.objects.create_superuser("mp-super", "s@example.org", "x" * 16)
        user = django_user_model.objects.create_user(f"mp-{group}".replace(" ", "-"), password="x" * 16)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make
