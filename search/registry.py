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
    # Whether the database index gets ``extra_text`` too (False where the model's own search fields hold it).
    index_extra_text: bool = True
    boost: float = 1.0
    # The name visitors see in the type facet; the model's verbose name when empty.
    label_text: Any = ""

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    @property
    def models(self) -> list[type[models.Model]]:
        """The family's model and the page types other apps added to it (``add_pages``): one type for visitors,
        e.g. the overview pages of news, agenda and projects are "pages" like content pages."""
        return [self.model, *(apps.get_model(label) for label in _added_pages.get(self.key, ()))]

    @property
    def label(self) -> str:
        return self.label_text or capfirst(self.model._meta.verbose_name)

    def date_of(self, page: Any) -> datetime.date | None:
        value = getattr(page, self.date_field, None) if self.date_field else None
        if value is None:
            value = page.first_published_at
        if isinstance(value, datetime.datetime):
            return value.date()
        return value

    def summary_text(self, page: Any) -> str:
        """The page's summary: its plain-text fields (search description, intro), which rank above the body."""
        return self.plain_text(page, summary_only=True)

    def plain_text(self, page: Any, *, summary_only: bool = False) -> str:
        """Visible text of a page (intro and body) for excerpts and the Elasticsearch document."""
        parts: list[str] = []
        for name in self.text_fields:
            value = getattr(page, name, "")
            if value:
                # Rich text fields hold HTML; plain text fields are shown as typed (escaped later).
                is_rich = type(page)._meta.get_field(name).__class__.__name__ == "RichTextField"
                parts.append(strip_tags(str(value)) if is_rich else str(value))
        if summary_only:
            return " ".join(" ".join(parts).split())
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
_added_pages: dict[str, tuple[str, ...]] = {}


def register(family: SearchFamily) -> SearchFamily:
    family.validate()
    _families[family.key] = family
    return family


def unregister(key: str) -> None:
    _families.pop(key, None)


def add_pages(key: str, *model_labels: str) -> None:
    """Count more page types as family ``key`` (which may register later): an app's overview pages as "page".
    Only the family's text fields the page type has are used for its excerpts."""
    known = _added_pages.get(key, ())
    _added_pages[key] = (*known, *(label for label in model_labels if label not in known))


def families() -> list[SearchFamily]:
    return list(_families.values())


def family_for_model(model: type[models.Model]) -> SearchFamily | None:
    label = model._meta.label
    return next((f for f in _families.values() if f.model_label == label or label in _added_pages.get(f.key, ())), None)


def families_by_content_type() -> dict[int, SearchFamily]:
    """Registered families by the id of their model's content type (a page row knows its ``content_type_id``)."""
    registered = families()
    content_types = ContentType.objects.get_for_models(*[model for f in registered for model in f.models])
    return {content_types[model].pk: f for f in registered for model in f.models}


@dataclass(frozen=True)
class ItemSource:
    """Things a visitor can open that are not pages (agenda items), found by an app's own ``find``: shown in a
    section of their own above the pages, counted as a value of the type facet (``type_label``, ``key``) and,
    when that is the only type chosen, listed page by page as the results. ``find(terms, site=, locale=,
    request=, limit=, offset=)`` returns the number found and up to ``limit`` ``search.results.Hit``s from
    ``offset`` on, in the order to show."""

    key: str
    label: Any  # the section's heading
    find: Callable[..., tuple[int, list[Any]]] = field(compare=False)
    type_label: Any = ""  # the value's name in the type facet; ``label`` when empty


_sources: dict[str, ItemSource] = {}


def register_source(source: ItemSource) -> ItemSource:
    _sources[source.key] = source
    return source


def sources() -> list[ItemSource]:
    return list(_sources.values())


def family_facets() -> dict[str, list[tuple[SearchFamily, FamilyFacet]]]:
    """Family-specific facets by parameter name (two families may share one, e.g. ``kind``)."""
    result: dict[str, list[tuple[SearchFamily, FamilyFacet]]] = {}
    for family in _families.values():
        for facet in family.facets:
            result.setdefault(facet.name, []).append((family, facet))
    return result
