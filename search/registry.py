"""Content families that the search service knows about.

Search never imports other apps' models by name. Each app describes its searchable page types as a
``SearchFamily`` in a ``search_families.py`` module (discovered at start-up by ``SearchConfig.ready``) and calls
``register``. A family names its model by label ("news.NewsPage"), says which field holds its date and its
themes, how to get an excerpt's text, and which of its fields are facets (``kind`` for news,
``publication_type`` for publications). Facet fields are plain model fields with ``choices``.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import capfirst

logger = logging.getLogger("los.search")


@dataclass(frozen=True)
class FamilyFacet:
    """A facet specific to a family: a model field with choices (e.g. ``kind``)."""

    name: str  # query-string parameter, e.g. "kind"
    field: str  # model field, e.g. "kind"
    label: Any  # lazy translatable label


@dataclass(frozen=True)
class SearchFamily:
    """How one page type takes part in search."""

    model_label: str  # "app_label.ModelName"
    key: str  # stable short name used in URLs, e.g. "news"
    date_field: str | None = None  # DateField/DateTimeField used for the year facet and date sort
    theme_field: str | None = None  # ManyToMany to home.Theme
    text_fields: tuple[str, ...] = ("intro",)  # plain-text fields for excerpts, in order
    stream_fields: tuple[str, ...] = ()  # StreamFields whose searchable content is used for excerpts
    facets: tuple[FamilyFacet, ...] = ()
    # Extra text for the Elasticsearch document (e.g. the extracted text of a publication's PDF).
    extra_text: Callable[[Any], str] | None = field(default=None, compare=False)
    boost: float = 1.0

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    def date_of(self, page: Any) -> datetime.date | None:
        value = getattr(page, self.date_field, None) if self.date_field else None
        if value is None:
            value = page.first_published_at
        if isinstance(value, datetime.datetime):
            return value.date()
        return value

    def plain_text(self, page: Any) -> str:
        """Visible text of a page (intro and body) for excerpts and the Elasticsearch document."""
        parts: list[str] = []
        for name in self.text_fields:
            value = getattr(page, name, "")
            if value:
                # Rich text fields hold HTML; plain text fields are shown as typed (escaped later).
                is_rich = type(page)._meta.get_field(name).__class__.__name__ == "RichTextField"
                parts.append(strip_tags(str(value)) if is_rich else str(value))
        for name in self.stream_fields:
            stream = getattr(page, name, None)
            if stream is not None:
                parts.extend(strip_tags(str(text)) for text in _visible_text(stream.stream_block, stream))
        if self.extra_text is not None:
            parts.append(self.extra_text(page))
        return " ".join(" ".join(parts).split())

    def validate(self) -> None:
        """Fail loudly at start-up when a family names fields its model does not have."""
        model = self.model
        for name in [self.date_field, self.theme_field, *self.text_fields, *self.stream_fields]:
            if name:
                model._meta.get_field(name)
        for facet in self.facets:
            if not model._meta.get_field(facet.field).choices:
                raise ValueError(f"{self.model_label}.{facet.field} has no choices; it cannot be a facet")


def _visible_text(block: Any, value: Any) -> list[str]:
    """Searchable text of a block value without the labels of choices (a heading's "Kop 2" is not text)."""
    from wagtail import blocks

    if value is None or isinstance(block, blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _visible_text(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _visible_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [text for key, child in block.child_blocks.items() for text in _visible_text(child, value.get(key))]
    return [str(text) for text in block.get_searchable_content(value)]


_families: dict[str, SearchFamily] = {}


def register(family: SearchFamily) -> SearchFamily:
    family.validate()
    _families[family.key] = family
    return family


def unregister(key: str) -> None:
    _families.pop(key, None)


def families() -> list[SearchFamily]:
    return list(_families.values())


def family_for_model(model: type[models.Model]) -> SearchFamily | None:
    label = model._meta.label
    return next((f for f in _families.values() if f.model_label == label), None)


def families_by_content_type() -> dict[int, SearchFamily]:
    """Registered families by the id of their model's content type (a page row knows its ``content_type_id``)."""
    registered = families()
    content_types = ContentType.objects.get_for_models(*[f.model for f in registered])
    return {content_types[f.model].pk: f for f in registered}


def family_facets() -> dict[str, list[tuple[SearchFamily, FamilyFacet]]]:
    """Family-specific facets by parameter name (two families may share one, e.g. ``kind``)."""
    result: dict[str, list[tuple[SearchFamily, FamilyFacet]]] = {}
    for family in _families.values():
        for facet in family.facets:
            result.setdefault(facet.name, []).append((family, facet))
    return result
