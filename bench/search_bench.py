"""Search latency on the database backend at 10,000 and 100,000 items: `make bench`.

Builds its own database (SQLite in a temporary folder, or PostgreSQL when BENCH_DATABASE_URL points at one),
runs migrate and seed_demo, then adds generated content pages with the bulk page inserter (home/bulk.py: tree
paths computed directly, because Wagtail cannot bulk-create pages) and indexes them with Wagtail's own backend in
batches. For each size it runs a fixed mix of queries through search/service.py (facets, excerpts, paging
included) and prints the median and 95th percentile (with 11 runs the p95 is the slowest run, normally the
first, cold-cache one).
Timing goals live here, never in test asserts.

    .venv/bin/python bench/search_bench.py [--sizes 10000 100000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = [
    "opvang",
    "zorg",
    "huisarts",
    "ziekenhuis",
    "detentie",
    "uitzetting",
    "verblijfsvergunning",
    "asiel",
    "gemeente",
    "kerk",
    "advocaat",
    "onderwijs",
    "school",
    "kinderen",
    "zwangerschap",
    "medicijnen",
    "tandarts",
    "verzekering",
    "huur",
    "werk",
    "uitbuiting",
    "slachtoffer",
    "aangifte",
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
]
QUERIES = [
    ("common word", {"q": "zorg"}),
    ("two words", {"q": "medicijnen huisarts"}),
    ("rare word", {"q": "uitbuiting slachtoffer aangifte"}),
    ("with facet", {"q": "opvang", "year": "2024"}),
    ("date sort, page 5", {"q": "gemeente", "sort": "date", "page": "5"}),
    ("no results", {"q": "xyzzyplugh"}),
]


def setup_django(database_url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def build(target: int, parent, rng: random.Random) -> None:
    """Grow the bench section to ``target`` content pages."""
    from wagtail.search.backends import get_search_backend

    from home.bulk import insert_pages
    from home.models import ContentPage

    parent.refresh_from_db()
    existing = parent.numchild
    if existing >= target:
        return
    backend = get_search_backend("default")
    batch = 2000
    started = time.perf_counter()
    for first in range(existing, target, batch):
        numbers = range(first + 1, min(first + batch, target) + 1)
        pages = []
        for n in numbers:
            words = rng.sample(WORDS, 3)
            pages.append(
                ContentPage(
                    title=f"{words[0].capitalize()} en {words[1]} {n}",
                    slug=f"bench-{n}",
                    intro=" ".join(rng.choice(WORDS) for _ in range(40)),
                    body=[],
                    last_checked=f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-01",
                )
            )
        insert_pages(parent, pages, batch_size=batch)
        backend.add_bulk(ContentPage, list(ContentPage.objects.filter(pk__in=[page.pk for page in pages])))
        done = numbers[-1]
        rate = (done - existing) / (time.perf_counter() - started)
        print(f"\r  built {done:>7}/{target} pages ({rate:.0f}/s)", end="", flush=True)
    print()


def measure(site, repeat: int) -> list[tuple[str, float, float]]:
    from django.core.cache import cache
    from django.http import QueryDict

    from search import service
    from search.results import SearchParams

    results = []
    for name, data in QUERIES:
        query = QueryDict(mutable=True)
        query.update(data)
        params = SearchParams.from_querydict(query)
        timings = []
        cache.clear()  # the first run starts cold (no "did you mean" vocabulary); later runs are warm
        for _ in range(repeat):
            start = time.perf_counter()
            service.search(params, site=site)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        results.append((name, statistics.median(timings), p95))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="los-bench-"))
    setup_django(os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{tmp / 'bench.sqlite3'}")

    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation
    from wagtail.models import Site

    from home.models import ContentPage

    print(f"Database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    parent = site.root_page.get_children().filter(slug="bench").first()
    if parent is None:
        parent = site.root_page.add_child(instance=ContentPage(title="Bench", slug="bench"))
    rng = random.Random(7)
    with translation.override("nl"):
        for size in args.sizes:
            build(size, parent, rng)
            # Fresh planner statistics, as autovacuum keeps them on a live database: without them PostgreSQL
            # plans the search over the bulk-loaded tables as if they were empty, about ten times slower.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            print(f"\n{size:,} items: search latency over {args.repeat} runs (ms)")
            print(f"  {'query':<20} {'median':>8} {'p95':>8}")
            for name, median, p95 in measure(site, args.repeat):
                print(f"  {name:<20} {median:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
