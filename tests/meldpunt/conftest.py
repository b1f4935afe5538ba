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
