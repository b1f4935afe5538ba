"""Generated news items for benchmarks and query-budget tests (`seed_demo --news N`, bench/dataset.py).

They are inserted with the one bulk page inserter (home/bulk.py): live without revisions and not in the search
index (run `manage.py update_index` afterwards if search matters for the benchmark).
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.utils import timezone

from home.bulk import insert_pages
from home.models import Theme
from news.models import NewsIndexPage, NewsKind, NewsPage

NEWS_INDEX = "news:nieuws"  # the key of the news overview in news/demo/news.yaml
_SUBJECTS = [
    "Meldpunt Vreemdelingendetentie",
    "bed-bad-brood",
    "de LVV in Utrecht",
    "medische zorg",
    "strafbaarstelling van illegaal verblijf",
    "noodopvang",
    "het Platform Migranten zonder Verblijfsvergunning",
    "rechtshulp",
]
_VERBS = ["Nieuwe cijfers over", "Kamervragen over", "Rechter oordeelt over", "Gemeenten en", "Zorgen over"]


def create_generated_news(index: NewsIndexPage, count: int, *, seed: int = 1) -> int:
    """Add `count` generated live news items under `index`, each with one or two themes; returns how many."""
    if count <= 0:
        return 0
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not a secret
    theme_ids = list(Theme.objects.filter(locale_id=index.locale_id).values_list("pk", flat=True))
    kinds = [value for value, _label in NewsKind.choices]
    now = timezone.now()
    pages = []
    for number in range(1, count + 1):
        when = now - datetime.timedelta(hours=rng.randint(1, 24 * 365 * 6))
        subject = rng.choice(_SUBJECTS)
        title = f"{rng.choice(_VERBS)} {subject} ({number})"
        pages.append(
            NewsPage(
                title=title,
                slug=f"gegenereerd-{uuid.uuid4().hex[:12]}",
                first_published_at=when,
                last_published_at=when,
                publication_date=when,
                kind=rng.choice(kinds),
                intro=f"Gegenereerd testbericht over {subject}.",
                body=[],
            )
        )
    insert_pages(index, pages)
    if theme_ids:
        through = NewsPage.themes.through
        links = [
            through(newspage_id=page.pk, theme_id=theme_id)
            for page in pages
            for theme_id in rng.sample(theme_ids, k=min(len(theme_ids), rng.randint(1, 2)))
        ]
        through.objects.bulk_create(links, batch_size=1000)
    return len(pages)
