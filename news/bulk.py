"""Fast creation of many generated news items (benchmarks and query-budget tests).

Wagtail pages are normally added one by one with treebeard's `add_child` (a few queries and a revision
each). For thousands of benchmark items we build the materialised paths ourselves and insert in batches:
the `wagtailcore_page` rows with `bulk_create`, then the `news_newspage` rows with the same insert
Django's `bulk_create` uses (it refuses multi-table models as a whole), then the theme links. The items
are live without revisions (editing one in the admin creates its first revision) and are not in the search
index: run `manage.py update_index` afterwards if search matters for the benchmark.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from home.models import Theme
from news.models import NewsIndexPage, NewsKind, NewsPage

BATCH = 500
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
    """Add `count` generated live news items under `index` and return how many were added."""
    if count <= 0:
        return 0
    rng = random.Random(seed)
    content_type = ContentType.objects.get_for_model(NewsPage)
    theme_ids = list(Theme.objects.filter(locale_id=index.locale_id).values_list("pk", flat=True))
    kinds = [value for value, _label in NewsKind.choices]
    now = timezone.now()
    with transaction.atomic():
        index = NewsIndexPage.objects.select_for_update().get(pk=index.pk)
        last = index.get_last_child()
        position = Page._str2int(last.path[-Page.steplen :]) if last else 0
        depth = index.depth + 1
        created = 0
        while created < count:
            size = min(BATCH, count - created)
            pages = []
            for offset in range(size):
                position += 1
                number = created + offset + 1
                when = now - datetime.timedelta(hours=rng.randint(1, 24 * 365 * 6))
                subject = rng.choice(_SUBJECTS)
                title = f"{rng.choice(_VERBS)} {subject} ({number})"
                slug = f"gegenereerd-{uuid.uuid4().hex[:12]}"
                pages.append(
                    NewsPage(
                        path=Page._get_path(index.path, depth, position),
                        depth=depth,
                        numchild=0,
                        title=title,
                        draft_title=title,
                        slug=slug,
                        url_path=f"{index.url_path}{slug}/",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=when,
                        last_published_at=when,
                        publication_date=when,
                        kind=rng.choice(kinds),
                        intro=f"Gegenereerd testbericht over {subject}.",
                        body=[],
                    )
                )
            # 1. The page rows (parent table). bulk_create on Page sets the primary keys (all databases we use).
            base_rows = Page.objects.bulk_create([Page(**_page_fields(page)) for page in pages])
            for page, row in zip(pages, base_rows, strict=True):
                page.pk = page.page_ptr_id = row.pk
            # 2. The news rows (child table), with the same low-level insert bulk_create uses.
            local_fields = list(NewsPage._meta.local_concrete_fields)
            NewsPage.objects._insert(pages, fields=local_fields)
            # 3. One or two themes per item.
            if theme_ids:
                through = NewsPage.themes.through
                links = []
                for page in pages:
                    for theme_id in rng.sample(theme_ids, k=min(len(theme_ids), rng.randint(1, 2))):
                        links.append(through(newspage_id=page.pk, theme_id=theme_id))
                through.objects.bulk_create(links)
            created += size
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + created)
    return created


def _page_fields(page: NewsPage) -> dict:
    fields = Page._meta.concrete_fields
    return {field.attname: getattr(page, field.attname) for field in fields if field.attname != "id"}
