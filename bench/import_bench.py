"""`make bench`: how fast the agenda import is on the configured database.

Generates 10,000-row CSV and XLSX files (as a volunteer's spreadsheet would look), imports each with the same
engine the admin and `import_events` use, and reports rows per second and peak Python memory (tracemalloc).
Each import runs in a transaction that is rolled back, so the benchmark leaves the database as it found it (the
search-index update that follows a real commit is not part of the import's time). Goal (issue 18): 3,000 rows/s or
more on PostgreSQL for the CSV, the XLSX within 1.5x of that.

Besides the wall-clock rate, the CPU time of this process and of the PostgreSQL server process serving it (read
from /proc, so the database must run on this machine) gives "rows/s (CPU)": rows divided by the CPU time the
import really used, which a machine shared with other work does not inflate the way it inflates wall time.

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

from events.importing import run_import  # noqa: E402
from spreadsheets import reading  # noqa: E402

# The reading time limit guards the site against hostile files by the wall clock; on a machine shared with other
# work, and under tracemalloc (which slows Python several times), an honest 10,000-row XLSX can pass it.
reading.MAX_READ_SECONDS = 600

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


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a local process used so far, from /proc (0.0 where it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _backend_pid() -> int | None:
    """The PostgreSQL server process serving this connection (on this machine), to count its CPU time too."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _import(name: str, content: bytes):
    """Import `content` and roll it back (so the run leaves the database as it was and files can be repeated).
    Returns the report, wall seconds, and CPU seconds of this process and of the database server process."""
    from django.db import transaction

    backend = _backend_pid()
    with transaction.atomic():
        cpu, db_cpu = time.process_time(), _cpu_seconds(backend) if backend else 0.0
        started = time.perf_counter()
        report = run_import(content, name, dry_run=False, source="bench")
        seconds = time.perf_counter() - started
        cpu, db_cpu = time.process_time() - cpu, (_cpu_seconds(backend) - db_cpu) if backend else 0.0
        transaction.set_rollback(True)
    if report.exit_code != 0:
        print("\n".join(report.lines()[:10]))
        raise SystemExit(1)
    return report, seconds, cpu, db_cpu


def measure(name: str, content: bytes) -> None:
    # Speed and memory are measured in separate runs: tracemalloc slows Python down several times.
    report, seconds, cpu, db_cpu = _import(name, content)
    tracemalloc.start()
    _import(name, content)
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = len(report.rows)
    busy = cpu + db_cpu
    print(
        f"| {name} | {rows} | {seconds:.2f} | {rows / seconds:.0f} | {cpu:.2f} + {db_cpu:.2f} | "
        f"{rows / busy:.0f} | {peak / 2**20:.1f} |"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    data = rows()
    print(f"Database: {connection.vendor}; {ROWS} rows per file; load average {os.getloadavg()}")
    print("| file | rows | wall s | rows/s (wall) | CPU s: Python + database | rows/s (CPU) | peak MiB |")
    print("|---|---|---|---|---|---|---|")
    measure("bench.csv", csv_file(data))
    measure("bench.xlsx", xlsx_file(data))


if __name__ == "__main__":
    main()
