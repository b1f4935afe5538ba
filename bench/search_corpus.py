"""The generated news items of the search benchmark (bench/search_bench.py): who writes what, how often.

Word frequencies are chosen, not left to chance: the i-th word of WORDS occurs in about 30 % / i^0.8 of the
items ("zorg" in 30 %, "opvang" in 17 %, the 45th word in 1.4 %), and every item names one of RARE_NAMES (each
in about 0.2 % of the items). Items are written with the bulk page inserter (home/bulk.py: tree paths computed
directly, because Wagtail cannot bulk-create pages) and indexed with Wagtail's own backend in batches.
Imported by the benchmark after Django is set up.
"""

from __future__ import annotations

import datetime
import random
import time

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
