"""Issue 18, on PostgreSQL: an agenda import's queries do not grow with its rows (bulk writes, matching in one
query per chunk of Kenmerken, no query or savepoint per row), for new events, updates, and XLSX as CSV."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.importing import run_import
from events.models import Event
from spreadsheets.writers import write_xlsx

pytestmark = [
    pytest.mark.django_db,
    # SQLite caps a query at 999 variables, so Django splits each bulk INSERT into batches of about 58 events
    # there; PostgreSQL (production, and where the speed counts) writes a chunk of 1,000 rows in one INSERT.
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SQLite splits bulk INSERTs by its variable cap"),
]

HEADERS = ["Kenmerk", "Titel", "Datum", "Begintijd", "Eindtijd", "Plaats", "Website"]


def _rows(count: int, *, title: str = "Spreekuur") -> list[list[str]]:
    return [
        [f"Q-{n}", f"{title} {n}", f"{1 + n % 28:02d}-05-2027", "19:30", "21:00", "Utrecht", "https://example.org/"]
        for n in range(count)
    ]


def _csv(rows: list[list[str]]) -> bytes:
    return ("\r\n".join(";".join(row) for row in [HEADERS, *rows]) + "\r\n").encode()


def _queries(data: bytes, name: str) -> int:
    with CaptureQueriesContext(connection) as context:
        report = run_import(data, name, dry_run=False)
    assert report.written, report.lines()
    return len(context.captured_queries)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_queries_do_not_grow_with_rows(kind):
    def data(rows):
        return _csv(rows) if kind == "csv" else write_xlsx(HEADERS, rows)

    small = _queries(data(_rows(10)), f"klein.{kind}")
    Event.objects.filter(external_id__startswith="Q-").delete()
    large = _queries(data(_rows(200)), f"groot.{kind}")
    assert large <= small + 2, (small, large)
    assert Event.objects.filter(external_id__startswith="Q-").count() == 200


def test_an_update_of_many_events_costs_what_an_update_of_few_does():
    run_import(_csv(_rows(200)), "eerst.csv", dry_run=False)
    small = _queries(_csv(_rows(10, title="Inloopspreekuur")), "klein.csv")
    large = _queries(_csv(_rows(200, title="Inloopspreekuur")), "groot.csv")
    assert large <= small + 2, (small, large)
    assert Event.objects.filter(external_id__startswith="Q-", title__startswith="Inloopspreekuur").count() == 200
