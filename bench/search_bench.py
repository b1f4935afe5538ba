"""Search latency on the database backend at 10,000 and 100,000 news items: `make bench-search`.

Builds its own database (SQLite in a temporary folder, or PostgreSQL when BENCH_DATABASE_URL points at one; an
existing bench database is grown, not rebuilt), runs migrate and seed_demo, then adds generated news items the
way the site has them (a title, an intro and a body of several paragraphs, a kind, a publication date over ten
years, one or two themes) with the bulk page inserter (home/bulk.py: tree paths computed directly, because
Wagtail cannot bulk-create pages) and indexes them with Wagtail's own backend in batches, then runs ANALYZE.

Word frequencies are chosen, not left to chance: the i-th word of WORDS occurs in about 30 % / i^0.8 of the
items ("zorg" in 30 %, "opvang" in 17 %, the 45th word in 1.4 %), and every item names one of RARE_NAMES (each
in about 0.2 % of the items). For each size it runs a fixed mix of queries through search/service.py (the whole
search page: facets, counts, a page of hits with excerpts) and prints the median and 95th percentile.
Timing goals live here, never in test asserts.

    .venv/bin/python bench/search_bench.py [--sizes 10000 100000] [--repeat 20] [--build-only] [--explain]
"""

from __future__ import annotations

import argparse
import datetime
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

# By frequency, most frequent first (see the module docstring).
WORDS = [
    "zorg",
    "opvang",
    "gemeente",
    "kinderen",
    "detentie",
    "huisarts",
    "ziekenhuis",
    "uitzetting",
    "verblijfsvergunning",
    "asiel",
    "kerk",
    "advocaat",
    "onderwijs",
    "school",
    "zwangerschap",
    "medicijnen",
    "tandarts",
    "verzekering",
    "huur",
    "werk",
    "politie",
    "rechter",
    "procedure",
    "beroep",
    "terugkeer",
    "grens",
    "vrijwilliger",
    "netwerk",
    "platform",
    "onderzoek",
    "rapport",
    "beleid",
    "kamerleden",
    "ministerie",
    "noodopvang",
    "bed",
    "bad",
    "brood",
    "landelijke",
    "voorziening",
    "vreemdelingen",
    "papieren",
    "uitbuiting",
    "slachtoffer",
    "aangifte",
]
FILLER = ["de", "het", "een", "en", "van", "in", "op", "voor", "met", "dat", "niet", "zijn", "er", "ook", "bij"]
# 500 names of meetings ("OverlegZwolleAB"), so each is in about 0.2 % of the items.
RARE_NAMES = [
    f"Overleg{town}{a}{b}"
    for town in ("Zwolle", "Breda", "Venlo", "Assen", "Delft")
    for a in "ABCDEFGHIJ"
    for b in "ABCDEFGHIJ"
]
SUBJECTS = ["medische zorg", "noodopvang", "rechtshulp", "de LVV", "vreemdelingendetentie", "bed-bad-brood"]
VERBS = ["Nieuwe cijfers over", "Kamervragen over", "Rechter oordeelt over", "Gemeenten en", "Zorgen over"]
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


def news_item(n: int, rng: random.Random, today: datetime.date):
    """One generated news item, unsaved."""
    from wagtail.rich_text import RichText

    from news.models import NewsKind, NewsPage

    chosen = [w for i, w in enumerate(WORDS, start=1) if rng.random() < 0.3 / i**0.8] or [rng.choice(WORDS[10:])]
    name = rng.choice(RARE_NAMES)
    paragraphs = []
    for _p in range(rng.randint(3, 6)):
        words = [rng.choice(FILLER) for _w in range(rng.randint(20, 40))]
        for word in rng.sample(chosen, k=min(len(chosen), 3)):
            words.insert(rng.randrange(len(words)), word)
        paragraphs.append(f"<p>{' '.join(words).capitalize()}.</p>")
    paragraphs.insert(rng.randrange(len(paragraphs)), f"<p>Met {name} en anderen.</p>")
    # Every chosen word at least once somewhere in the item.
    paragraphs.append(f"<p>{' '.join(chosen)}.</p>")
    when = today - datetime.timedelta(days=rng.randint(0, 3650))
    published = datetime.datetime.combine(when, datetime.time(9), tzinfo=datetime.UTC)
    return NewsPage(
        title=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} en {chosen[0]} ({n})",
        slug=f"bench-{n}",
        intro=f"Over {' en '.join(chosen[:2])} in {rng.choice(FILLER)} regio.",
        body=[("paragraph", RichText("".join(paragraphs)))],
        kind=rng.choice(NewsKind.values),
        publication_date=published,
        first_published_at=published,
    )


def build(target: int, parent, rng: random.Random) -> None:
    """Grow the bench news overview to ``target`` generated news items, indexed and with themes."""
    from wagtail.search.backends import get_search_backend

    from home.bulk import insert_pages
    from home.models import Theme
    from news.models import NewsPage

    parent.refresh_from_db()
    existing = parent.numchild
    if existing >= target:
        return
    backend = get_search_backend("default")
    theme_ids = list(Theme.objects.filter(locale_id=parent.locale_id).values_list("pk", flat=True))
    through = NewsPage.themes.through
    today = datetime.datetime.now(tz=datetime.UTC).date()
    batch = 1000
    started = time.perf_counter()
    for first in range(existing, target, batch):
        numbers = range(first + 1, min(first + batch, target) + 1)
        pages = insert_pages(parent, [news_item(n, rng, today) for n in numbers], batch_size=batch)
        if theme_ids:
            links = [
                through(newspage_id=page.pk, theme_id=theme)
                for page in pages
                for theme in rng.sample(theme_ids, k=min(len(theme_ids), rng.randint(1, 2)))
            ]
            through.objects.bulk_create(links, batch_size=batch)
        backend.add_bulk(NewsPage, list(NewsPage.objects.filter(pk__in=[page.pk for page in pages])))
        done = numbers[-1]
        rate = (done - existing) / (time.perf_counter() - started)
        print(f"\r  built {done:>7}/{target} news items ({rate:.0f}/s)", end="", flush=True)
    print()


def replicate(target: int, parent) -> None:
    """Grow to ``target`` items with copies of the generated ones: page rows by the bulk inserter, themes and
    index entries copied in SQL (each copy has its original's words, vectors and date). For when indexing
    every item is too slow on a loaded machine (``--copy-after``); the benchmark's results say how many items
    are copies. Table names come from the models; values are parameters."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from home.bulk import insert_pages
    from news.models import NewsPage

    parent.refresh_from_db()
    existing = parent.numchild
    entries = get_search_backend_table()
    through = NewsPage.themes.through._meta.db_table
    originals = list(NewsPage.objects.child_of(parent).order_by("path").values_list("pk", flat=True)[:existing])
    content_type = ContentType.objects.get_for_model(NewsPage).pk
    started = time.perf_counter()
    done = existing
    while done < target:
        chunk = originals[(done - existing) % len(originals) :][: min(1000, target - done)]
        sources = NewsPage.objects.in_bulk(chunk)
        copies = [
            NewsPage(
                title=sources[pk].title,
                slug=f"bench-{done + i + 1}",
                intro=sources[pk].intro,
                body=sources[pk].body.raw_data,
                kind=sources[pk].kind,
                publication_date=sources[pk].publication_date,
                first_published_at=sources[pk].first_published_at,
            )
            for i, pk in enumerate(chunk)
        ]
        pages = insert_pages(parent, copies, batch_size=1000)
        pairs = [(source, page.pk) for source, page in zip(chunk, pages, strict=True)]
        values = ", ".join(["(%s, %s)"] * len(pairs))
        flat = [value for pair in pairs for value in pair]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {through} (newspage_id, theme_id) SELECT m.copy, t.theme_id FROM {through} t "  # noqa: S608
                f"JOIN (VALUES {values}) AS m(source, copy) ON t.newspage_id = m.source",
                flat,
            )
            cursor.execute(
                f"INSERT INTO {entries} (content_type_id, object_id, title, autocomplete, body, title_norm, "  # noqa: S608
                "title_text, body_text) SELECT e.content_type_id, m.copy::text, e.title, e.autocomplete, e.body, "
                f"e.title_norm, e.title_text, e.body_text FROM {entries} e JOIN (VALUES {values}) AS m(source, copy) "
                "ON e.object_id = m.source::text AND e.content_type_id = %s",
                [*flat, content_type],
            )
        done += len(pages)
        rate = (done - existing) / (time.perf_counter() - started)
        print(f"\r  copied {done:>7}/{target} news items ({rate:.0f}/s)", end="", flush=True)
    print()


def get_search_backend_table() -> str:
    from wagtail.search.models import IndexEntry

    return IndexEntry._meta.db_table


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
