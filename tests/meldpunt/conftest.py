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


@pytest.fixture
def post_edit(client):
    """Post the full edit form of a report as it stands, with `changes` (form field names, referral rows too)."""
    from django.urls import reverse

    def post(report: Report, **changes):
        url = reverse("meldpunt_report:edit", args=[report.pk])
        form = client.get(url).context["form"]
        data = {name: value for name, value in form.initial.items() if value is not None and name != "topics"}
        data.update(
            {
                "location": report.location_id,
                "topics": [topic.pk for topic in report.topics.all()],
                "assigned_to": "",
                "follow_up_on": "",
                "closed_on": "",
                "outcome": "",
                "referrals-TOTAL_FORMS": "0",
                "referrals-INITIAL_FORMS": "0",
                "referrals-MIN_NUM_FORMS": "0",
                "referrals-MAX_NUM_FORMS": "1000",
            }
        )
        data.update(changes)
        return client.post(url, data)

    return post
