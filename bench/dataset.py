"""Builds one benchmark data set quickly: `python bench/dataset.py --news N` (run by bench/site_bench.py).

Expects a migrated database with the demo content (seed_demo). Adds N generated news items (news/bulk.py:
tree paths computed directly, rows inserted in batches), N/20 publications (the same bulk technique, here for
any simple page type), N/5 events (plain rows, bulk_create), puts the generated news and publications in the
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from events.models import Event  # noqa: E402
from home.models import Theme  # noqa: E402
from news.bulk import create_generated_news  # noqa: E402
from news.models import NewsIndexPage, NewsPage  # noqa: E402
from research.models import PublicationIndexPage, PublicationPage, PublicationType  # noqa: E402

BATCH = 500
CITIES = ["Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Groningen", "Nijmegen", "Eindhoven", "Zwolle"]
IMPORT_ROWS = 2000


def bulk_pages(parent: Page, model: type[Page], build, count: int) -> list[int]:
    """Insert `count` live pages of a simple page type under `parent` (no revisions); returns their ids."""
    content_type = ContentType.objects.get_for_model(model)
    ids: list[int] = []
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        position = Page._str2int(last.path[-Page.steplen :]) if last else 0
        depth = parent.depth + 1
        done = 0
        while done < count:
            pages = []
            for offset in range(min(BATCH, count - done)):
                position += 1
                slug = f"bench-{uuid.uuid4().hex[:12]}"
                page = build(done + offset)
                page.path = Page._get_path(parent.path, depth, position)
                page.depth, page.numchild, page.slug = depth, 0, slug
                page.url_path = f"{parent.url_path}{slug}/"
                page.draft_title = page.title
                page.content_type = content_type
                page.locale_id = parent.locale_id
                page.translation_key = uuid.uuid4()
                page.live, page.has_unpublished_changes = True, False
                page.first_published_at = page.last_published_at = timezone.now()
                pages.append(page)
            page_fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
            rows = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
            )
            for page, row in zip(pages, rows, strict=True):
                page.pk = page.page_ptr_id = row.pk
            model.objects._insert(pages, fields=list(model._meta.local_concrete_fields))
            ids.extend(page.pk for page in pages)
            done += len(pages)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    return ids


def add_publications(index: PublicationIndexPage, count: int, rng: random.Random) -> list[int]:
    kinds = [value for value, _label in PublicationType.choices]

    def build(n: int) -> PublicationPage:
        return PublicationPage(
            title=f"Onderzoek naar opvang en zorg, deel {n + 1}",
            publication_type=rng.choice(kinds),
            publication_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randint(0, 5800)),
            summary="Een gegenereerde publicatie over opvang, zorg en rechtshulp voor de benchmark.",
        )

    ids = bulk_pages(index, PublicationPage, build, count)
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

    sample_news = list(NewsPage.objects.filter(pk__in=news_ids[-200:]).order_by("?")[:20])
    sample_publications = list(PublicationPage.objects.filter(pk__in=publication_ids).order_by("?")[:10])
    sample_events = list(Event.objects.order_by("?")[:20])
    result = {
        "news": NewsPage.objects.count(),
        "publications": PublicationPage.objects.count(),
        "events": Event.objects.count(),
        **timings,
        "import": import_throughput(),
        "urls": {
            "news_page": [p.url_path.removeprefix(home.url_path.rstrip("/")) for p in sample_news],
            "publication_page": [p.url_path.removeprefix(home.url_path.rstrip("/")) for p in sample_publications],
            "event_detail": [f"/agenda/{e.pk}-{e.slug}/" for e in sample_events],
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
