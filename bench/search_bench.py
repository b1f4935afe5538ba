"""Search latency on the database backend at 10,000 and 100,000 news items: `make bench-search`.

Builds its own database (SQLite in a temporary folder, or PostgreSQL when BENCH_DATABASE_URL points at one; an
existing bench database is grown, not rebuilt), runs migrate and seed_demo, then adds generated news items the
way the site has them (a title, an intro and a body of several paragraphs, a kind, a publication date over ten
years, one or two themes; bench/search_corpus.py: how often each word occurs) and runs ANALYZE. For each size
it runs a fixed mix of queries through search/service.py (the whole search page: facets, counts, a page of hits
with excerpts) and prints the median and 95th percentile.
Timing goals live here, never in test asserts.

    .venv/bin/python bench/search_bench.py [--sizes 10000 100000] [--repeat 20] [--build-only] [--explain]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Chosen for the corpus's word frequencies (bench/search_corpus.py): common, rare, absent.
QUERIES = [
    ("common word", {"q": "zorg"}),
    ("common, 2nd word", {"q": "opvang"}),
    ("two words", {"q": "medicijnen huisarts"}),
    ("rare word", {"q": "overlegzwolleab"}),
    ("rare, three words", {"q": "uitbuiting slachtoffer aangifte"}),
    ("with facet", {"q": "opvang", "year": "2024"}),
    ("date sort, page 5", {"q": "gemeente", "sort": "date", "page": "5"}),
    ("no results", {"q": "xyzzyplugh"}),
]


def setup_django(database_url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def measure(site, repeat: int) -> list[tuple[str, float, float, float, float | None]]:
    """Per query: median and p95 wall time, and the mean CPU time of one search in this process and in the
    PostgreSQL backend serving it (None elsewhere): CPU time does not grow while a process waits for a core, so
    it shows the cost on a loaded machine too (to the 10 ms tick of /proc, averaged over the runs)."""
    from django.core.cache import cache

    from search import service

    results = []
    for name, data in QUERIES:
        params = search_params(data)
        timings = []
        cache.clear()  # the first run starts cold (no "did you mean" vocabulary); later runs are warm
        cpu_start, db_start = time.process_time(), backend_cpu_seconds()
        for _ in range(repeat):
            start = time.perf_counter()
            service.search(params, site=site)
            timings.append((time.perf_counter() - start) * 1000)
        cpu = (time.process_time() - cpu_start) * 1000 / repeat
        db_end = backend_cpu_seconds()
        db_cpu = (db_end - db_start) * 1000 / repeat if db_start is not None and db_end is not None else None
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        results.append((name, statistics.median(timings), p95, cpu, db_cpu))
    return results


def backend_cpu_seconds() -> float | None:
    """User + system CPU time of this connection's PostgreSQL backend (a local server whose /proc is readable)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # Fields 14 and 15 of proc(5) (utime, stime); the split drops the first two.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def search_params(data: dict):
    from django.http import QueryDict

    from search.results import SearchParams

    query = QueryDict(mutable=True)
    query.update(data)
    return SearchParams.from_querydict(query)


def explain(site, repeat: int = 5) -> None:
    """Per query of the mix, the slowest SQL statement (the one pass on PostgreSQL) under EXPLAIN ANALYZE with the
    settings the search sets for it: median planning and execution time of ``repeat`` runs (less sensitive to
    the machine's load than the whole page), and the plan of the common word's."""
    import re

    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from search import service

    print(
        f"\n  {'query':<20} {'planning':>9} {'execution':>10} {'others':>7}  (ms, EXPLAIN ANALYZE, median of {repeat})"
    )
    for n, (name, data) in enumerate(QUERIES):
        with CaptureQueriesContext(connection) as captured:
            service.search(search_params(data), site=site)
        queries = sorted(captured.captured_queries, key=lambda q: float(q["time"]))
        slowest, others = queries[-1], sum(float(q["time"]) * 1000 for q in queries[:-1])
        planning, execution = [], []
        for _ in range(repeat):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")  # as search/backends/database_pass.py sets them
                cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {slowest['sql']}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
            planning.append(float(re.search(r"Planning Time: ([\d.]+)", plan).group(1)))
            execution.append(float(re.search(r"Execution Time: ([\d.]+)", plan).group(1)))
        print(
            f"  {name:<20} {statistics.median(planning):>9.1f} {statistics.median(execution):>10.1f} "
            f"{others:>7.1f}  ({len(queries)} statements)"
        )
        if n == 0:
            common_plan = plan
    print(f"\nPlan of the common word's one pass:\n{common_plan}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--build-only", action="store_true", help="grow the data set, measure nothing")
    parser.add_argument(
        "--copy-after", type=int, default=0, help="index this many items, then add copies of them (PostgreSQL)"
    )
    parser.add_argument(
        "--explain", action="store_true", help="per query, EXPLAIN ANALYZE timings of the slowest statement"
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="los-bench-"))
    setup_django(os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp / 'bench.sqlite3'}")

    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation
    from wagtail.models import Site

    from bench.search_corpus import build, replicate
    from news.models import NewsIndexPage

    print(f"Database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    if not site.root_page.get_children().exists():
        call_command("seed_demo", verbosity=0)
        site = Site.objects.get(is_default_site=True)
    parent = NewsIndexPage.objects.child_of(site.root_page).filter(slug="bench-nieuws").first()
    if parent is None:
        parent = site.root_page.add_child(instance=NewsIndexPage(title="Bench-nieuws", slug="bench-nieuws"))
    rng = random.Random(7)
    with translation.override("nl"):
        for size in args.sizes:
            if args.copy_after and size > args.copy_after:
                build(args.copy_after, parent, rng)
                replicate(size, parent)
            else:
                build(size, parent, rng)
            # Fresh planner statistics, as autovacuum keeps them on a live database: without them PostgreSQL
            # plans the search over the bulk-loaded tables as if they were empty, about ten times slower.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            if args.build_only:
                continue
            load = os.getloadavg()
            print(
                f"\n{size:,} news items: search latency over {args.repeat} runs (ms); load average "
                f"{load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} on {os.cpu_count()} cores at the start"
            )
            print(f"  {'query':<20} {'median':>8} {'p95':>8} {'cpu':>8} {'db cpu':>8}")
            rows = measure(site, args.repeat)
            for name, median, p95, cpu, db_cpu in rows:
                db = f"{db_cpu:>8.1f}" if db_cpu is not None else f"{'-':>8}"
                print(f"  {name:<20} {median:>8.1f} {p95:>8.1f} {cpu:>8.1f} {db}")
            load_end = os.getloadavg()
            print(f"  load average at the end: {load_end[0]:.2f}, {load_end[1]:.2f}, {load_end[2]:.2f}")
            print(
                json.dumps(
                    {
                        "size": size,
                        "vendor": connection.vendor,
                        "load_start": load,
                        "load_end": load_end,
                        "results": [
                            {
                                "query": n,
                                "median_ms": round(m, 1),
                                "p95_ms": round(p, 1),
                                "cpu_ms": round(c, 1),
                                "db_cpu_ms": None if d is None else round(d, 1),
                            }
                            for n, m, p, c, d in rows
                        ],
                    }
                )
            )
            if args.explain and connection.vendor == "postgresql":
                explain(site)


if __name__ == "__main__":
    main()
