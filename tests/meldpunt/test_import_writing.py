"""How the register import writes (meldpunt/importing.py): in bulk, so its queries do not grow with the rows, with
what Report.save would have done, and a case history that never names the file (a file name can hold a name)."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meldpunt.importing import run_import
from meldpunt.models import Report, ReportChange, Status

from .test_import import HEADERS, csv_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def intern(django_user_model):
    user = django_user_model.objects.create_user("intern-bulk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Meldpunt"))
    return user


def _rows(count: int) -> list[list[str]]:
    statuses = ["", "afgesloten", "doorverwezen"]
    rows = []
    for number in range(count):
        status = statuses[number % 3]
        rows.append(
            [
                f"{1 + number % 28:02d}-0{1 + number % 9}-2025",
                "Naam Persoon",
                "",
                "telefoon",
                "Detentiecentrum Rotterdam" if number % 2 else "Detentiecentrum Zeist",
                "medische zorg, isolatie",
                f"Melding {number} over de zorg.",
                "",
                status,
                "Advocatenkantoor Voorbeeld" if number % 4 == 0 else "",
                "",
                "opgelost" if status == "afgesloten" else "",
                "",
                "",
            ]
        )
    return rows


def _queries(rows, user) -> int:
    with CaptureQueriesContext(connection) as queries:
        result = run_import(csv_sheet(rows, HEADERS), "Mohammed register.csv", user=user, dry_run=False)
    assert result.batch is not None, [row.problems for row in result.rows if row.problems]
    return len(queries)


def test_the_import_writes_in_bulk_its_queries_do_not_grow_with_the_rows(intern):
    small = _queries(_rows(10), intern)
    Report.objects.all().delete()
    large = _queries(_rows(200), intern)
    assert large <= small + 5, (small, large)  # was about 5 queries a row
    reports = Report.objects.filter(import_batch__isnull=False)
    assert reports.count() == 200 and reports.values("reference").distinct().count() == 200
    assert sorted(reports.values_list("reference", flat=True))[:2] == ["MVD-2025-0001", "MVD-2025-0002"]
    closed = reports.filter(status=Status.CLOSED)
    # Report.save's rule, applied in bulk too: a closed report without a closing date closes on the import's day.
    assert closed.exists() and not closed.filter(closed_on__isnull=True).exists()
    assert not reports.exclude(status=Status.CLOSED).filter(closed_on__isnull=False).exists()
    one = reports.filter(referrals__isnull=False).first()
    assert one.topics.count() == 2 and one.referrals.get().referred_to == "Advocatenkantoor Voorbeeld"
    assert one.created_at and one.updated_at


def test_the_case_history_never_names_the_file(intern):
    _queries(_rows(3), intern)
    summaries = set(ReportChange.objects.filter(report__import_batch__isnull=False).values_list("summary", flat=True))
    assert summaries == {"Geïmporteerd uit een spreadsheet"}


def test_history_lines_that_named_a_file_are_cleaned(make_report):
    migration = importlib.import_module("meldpunt.migrations.0007_history_without_file_names")
    report = make_report(received_on=datetime.date(2025, 1, 2))
    old = ReportChange.objects.create(report=report, summary="Geïmporteerd uit register van Fatima.xlsx")
    kept = ReportChange.objects.create(report=report, summary="Gewijzigd: Status")
    migration.forget_file_names(apps, None)
    old.refresh_from_db()
    kept.refresh_from_db()
    assert old.summary == "Geïmporteerd uit een spreadsheet" and kept.summary == "Gewijzigd: Status"
