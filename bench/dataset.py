"""Builds one benchmark data set quickly: `python bench/dataset.py --news N` (run by bench/site_bench.py).

Expects a migrated database with the demo content (seed_demo). Adds N generated news items (demo/generated.py)
and N/20 publications with the one bulk page inserter (home/bulk.py: tree paths computed directly, rows inserted
in batches), N/5 events (plain rows, bulk_create), puts the generated news and publications in the
database search index in batches (as `update_index` would, much faster), and measures the agenda import
throughput on a generated 2,000-row spreadsheet (CSV, the format volunteers send most). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from demo.generated import create_generated_news  # noqa: E402
from events.models import Event, EventIndexPage  # noqa: E402
from home.bulk import insert_pages  # noqa: E402
from home.models import Theme  # noqa: E402
from news.models import NewsIndexPage, NewsPage  # noqa: E402
from research.models import PublicationIndexPage, PublicationPage, PublicationType  # noqa: E402

BATCH = 500
CITIES = ["Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Groningen", "Nijmegen", "Eindhoven", "Zwolle"]
IMPORT_ROWS = 2000


def add_publications(index: PublicationIndexPage, count: int, rng: random.Random) -> list[int]:
    kinds = [value for value, _label in PublicationType.choices]
    pages = insert_pages(
        index,
        [
            PublicationPage(
                title=f"Onderzoek naar opvang en zorg, deel {n + 1}",
                slug=f"bench-{uuid.uuid4().hex[:12]}",
                publication_type=rng.choice(kinds),
                publication_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5800)),
                summary="Een gegenereerde publicatie over opvang, zorg en rechtshulp voor de benchmark.",
            )
            for n in range(count)
        ],
    )
    ids = [page.pk for page in pages]
    theme_ids = list(Theme.objects.filter(locale_id=index.locale_id).values_list("pk", flat=True))
    if theme_ids:
        through = PublicationPage.themes.through
        through.objects.bulk_create(
            [through(publicationpage_id=pk, theme_id=rng.choice(theme_ids)) for pk in ids], batch_size=BATCH
        )
    return ids


def add_events(count: int, rng: random.Random) -> None:
    now = timezone.now()
    locale = Locale.get_default()  # bulk_create sends no pre_save, where Wagtail would set it
    events = [
        Event(
            locale=locale,
            title=f"Netwerkbijeenkomst {n + 1}",
            start=now + datetime.timedelta(days=rng.randint(-400, 400), hours=rng.randint(0, 12)),
            city=rng.choice(CITIES),
            location="Buurthuis",
            description="Een gegenereerde bijeenkomst voor de benchmark.",
        )
        for n in range(count)
    ]
    Event.objects.bulk_create(events, batch_size=BATCH)


def index_pages(model: type[Page], ids: list[int]) -> None:
    backend = get_search_backend()
    for start in range(0, len(ids), 1000):
        backend.add_bulk(model, list(model.objects.filter(pk__in=ids[start : start + 1000])))


def import_throughput() -> dict:
    from events.importing import run_import

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["Kenmerk", "Titel", "Datum", "Begintijd", "Eindtijd", "Locatie", "Plaats", "Omschrijving"])
    first = datetime.date(2031, 1, 1)
    for n in range(IMPORT_ROWS):
        day = (first + datetime.timedelta(days=n % 365)).strftime("%d-%m-%Y")
        writer.writerow([f"BENCH-{n}", f"Bijeenkomst {n}", day, "19:30", "21:30", "Buurthuis", CITIES[n % 8], "Avond"])
    data = b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    started = time.perf_counter()
    with transaction.atomic():
        report = run_import(data, "bench.csv", dry_run=False, source="bench")
    seconds = time.perf_counter() - started
    if report.exit_code != 0:
        raise SystemExit("\n".join(report.lines()[:10]))
    return {"rows": IMPORT_ROWS, "seconds": round(seconds, 3), "rows_per_second": round(IMPORT_ROWS / seconds)}


def sample_urls(home: Page, news_ids: list[int], publication_ids: list[int]) -> dict[str, list[str]]:
    """Paths of detail pages to measure, each the page's canonical address (a redirect would measure the redirect):
    the pages' own URLs, and published originals under the agenda's own `event_url` (a translated or unpublished
    event, or an outdated slug, answers 301 or 404)."""
    sample_news = NewsPage.objects.filter(pk__in=news_ids[-200:]).live().order_by("?")[:20]
    sample_publications = PublicationPage.objects.filter(pk__in=publication_ids).live().order_by("?")[:10]
    agenda = EventIndexPage.objects.child_of(home).live().get()
    sample_events = Event.objects.published().order_by("?")[:20]
    return {
        "news_page": [urlparse(page.get_url()).path for page in sample_news],
        "publication_page": [urlparse(page.get_url()).path for page in sample_publications],
        "event_detail": [urlparse(agenda.event_url(event)).path for event in sample_events],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", type=int, required=True)
    args = parser.parse_args()
    rng = random.Random(11)
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    news_index = NewsIndexPage.objects.child_of(home).get()
    publication_index = PublicationIndexPage.objects.child_of(home).get()
    timings = {}

    started = time.perf_counter()
    existing = set(NewsPage.objects.values_list("pk", flat=True))
    create_generated_news(news_index, args.news)
    news_ids = list(NewsPage.objects.exclude(pk__in=existing).values_list("pk", flat=True))
    publication_ids = add_publications(publication_index, args.news // 20, rng)
    add_events(args.news // 5, rng)
    timings["build_seconds"] = round(time.perf_counter() - started, 1)

    started = time.perf_counter()
    index_pages(NewsPage, news_ids)
    index_pages(PublicationPage, publication_ids)
    timings["search_index_seconds"] = round(time.perf_counter() - started, 1)

    # Fresh planner statistics, as autovacuum keeps them on a live database. Without this, PostgreSQL plans the
    # search queries over the bulk-loaded tables as if they were empty (nested loops over 10,000 rows) and search
    # measured about ten times slower than it is.
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    timings["analyze_seconds"] = round(time.perf_counter() - started, 1)

    result = {
        "news": NewsPage.objects.count(),
        "publications": PublicationPage.objects.count(),
        "events": Event.objects.count(),
        **timings,
        "import": import_throughput(),
        "urls": sample_urls(home, news_ids, publication_ids),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
