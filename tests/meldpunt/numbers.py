"""Shared by the numbers tests: a register emptied of the demo reports and filled with known counts."""

from __future__ import annotations

import datetime
import itertools

import pytest

_references = itertools.count(1)


@pytest.fixture(name="register")
def register_fixture(db):
    """An empty register (the demo reports removed, inside the test's transaction) and a way to fill it."""
    from meldpunt.models import Report

    Report.objects.all().delete()
    return add_reports


def add_reports(
    count: int,
    day: datetime.date,
    location: str = "Detentiecentrum Rotterdam",
    *,
    topics: tuple[str, ...] = ("medical",),
    **values,
) -> list:
    """`count` reports received on `day` at `location` (by name) about `topics` (slugs), written in bulk."""
    from meldpunt.models import DetentionLocation, Report, Topic

    place = DetentionLocation.objects.get(name=location)
    reports = Report.objects.bulk_create(
        [
            Report(reference=f"T-{next(_references):06d}", received_on=day, location=place, **values)
            for _ in range(count)
        ]
    )
    through = Report.topics.through
    chosen = list(Topic.objects.filter(slug__in=topics))
    through.objects.bulk_create([through(report=r, topic=t) for r in reports for t in chosen])
    return reports
