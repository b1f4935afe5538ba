"""`make bench`: how fast the agenda import is on the configured database.

Generates 10,000-row CSV and XLSX files (as a volunteer's spreadsheet would look), imports each with the same
engine the admin and `import_events` use, and reports rows per second and peak Python memory (tracemalloc).
Each import is undone afterwards, so the benchmark leaves the database as it found it. The search-index update
that follows a commit is timed separately. Goal: well over 1,000 rows/s on SQLite and PostgreSQL.

    make bench                                   # db.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/los_bench make bench
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from events.importing import run_import, undo_import  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))
HEADERS = ["Kenmerk", "Titel", "Datum", "Begintijd", "Eindtijd", "Locatie", "Plaats", "Website", "Omschrijving"]
CITIES = ["Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Groningen", "Nijmegen", "Eindhoven", "Zwolle"]


def rows() -> list[list]:
    first = datetime.date(2031, 1, 1)
    return [
        [
            f"BENCH-{n}",
            f"Bijeenkomst {n} van het netwerk",
            first + datetime.timedelta(days=n % 365),
            datetime.time(9 + n % 10, 30),
            datetime.time(11 + n % 10, 0),
            "Buurthuis",
            CITIES[n % len(CITIES)],
            "https://example.org/agenda",
            "Een avond over opvang, zorg en rechtshulp voor vrijwilligers.",
        ]
        for n in range(ROWS)
    ]


def csv_file(data: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    for row in data:
        writer.writerow([v.strftime("%d-%m-%Y") if isinstance(v, datetime.date) else
                         v.strftime("%H:%M") if isinstance(v, datetime.time) else v for v in row])  # fmt: skip
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def xlsx_file(data: list[list]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Agenda")
    sheet.append(HEADERS)
    for row in data:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _import(name: str, content: bytes):
    from django.db import transaction

    started = time.perf_counter()
    with transaction.atomic():
        report = run_import(content, name, dry_run=False, source="bench")
        imported = time.perf_counter()
    committed = time.perf_counter()  # on-commit work (search index) ran between `imported` and here
    if report.exit_code != 0:
        print("\n".join(report.lines()[:10]))
        raise SystemExit(1)
    return report, imported - started, committed - imported


def measure(name: str, content: bytes) -> None:
    # Speed and memory are measured in separate runs: tracemalloc slows Python down several times.
    report, seconds, index_seconds = _import(name, content)
    started = time.perf_counter()
    undo_import(report.batch)
    undo_seconds = time.perf_counter() - started
    tracemalloc.start()
    report, _seconds, _index = _import(name, content)
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    undo_import(report.batch)
    print(
        f"{name:<12} {len(report.rows):>6} rows  {seconds:6.2f} s  {len(report.rows) / seconds:8.0f} rows/s  "
        f"peak memory {peak / 2**20:6.1f} MiB  (then: search index {index_seconds:5.2f} s, undo {undo_seconds:5.2f} s)"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    data = rows()
    print(f"Database: {connection.vendor}; {ROWS} rows per file")
    measure("bench.csv", csv_file(data))
    measure("bench.xlsx", xlsx_file(data))


if __name__ == "__main__":
    main()
