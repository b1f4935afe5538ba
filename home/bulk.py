"""Insert many new pages at once: the one bulk page inserter (generated benchmark and test content).

Wagtail adds pages one by one with treebeard's `add_child` (several queries and a revision each), which takes
minutes for thousands of items. Here the materialised paths are computed directly (treebeard's own `_get_path`,
continuing after the parent's last child), the `wagtailcore_page` rows are written with `bulk_create`, and the
rows of the specific page type's own table(s) with the same insert Django's `bulk_create` uses (it refuses
multi-table models as a whole). The pages are live without revisions (editing one in the admin makes its first
revision), send no signals and are not in the search index: index them afterwards (`update_index`, or the
search backend's `add_bulk`) when search matters. Many-to-many links (themes, tags) are the caller's: the
returned pages carry their primary keys.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import Page

BATCH_SIZE = 500


def insert_pages(parent: Page, pages: Iterable[Page], *, batch_size: int = BATCH_SIZE) -> list[Page]:
    """Insert unsaved `pages` (one page type, each with a title and a slug unique under `parent`) as live children
    of `parent`, after its existing children, and return them with their primary keys set.

    Tree fields, URL path, content type, locale (the parent's), translation key and publication times (now,
    unless a page has its own) are filled in here.
    """
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise ValueError("insert_pages inserts one page type per call")
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    with transaction.atomic():
        # Locked, so two inserters under one parent cannot compute the same paths.
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        position = Page._str2int(last.path[-Page.steplen :]) if last else 0
        depth = parent.depth + 1
        for page in pages:
            position += 1
            page.path = Page._get_path(parent.path, depth, position)
            page.depth, page.numchild = depth, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.translation_key = uuid.uuid4()
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.last_published_at or page.first_published_at
        for start in range(0, len(pages), batch_size):
            _insert_batch(model, pages[start : start + batch_size])
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def _insert_batch(model: type[Page], pages: list[Page]) -> None:
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(page, field.attname) for field in page_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        for table_model in _tables_below_page(model):
            setattr(page, table_model._meta.pk.attname, row.pk)
    for table_model in _tables_below_page(model):
        table_model._base_manager._insert(pages, fields=list(table_model._meta.local_concrete_fields))


def _tables_below_page(model: type[Page]) -> list[type[models.Model]]:
    """The concrete models between Page and `model` (itself included), from the top down: one table each."""
    chain = [parent for parent in reversed(model._meta.get_parent_list()) if issubclass(parent, Page)]
    return [table for table in [*chain, model] if table is not Page]
