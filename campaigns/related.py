"""Related news, events and publications, found automatically, from apps that may not be installed yet.

News (`news.NewsPage`), events (`events.Event`) and publications (`research.PublicationPage`) are built in other
apps, which campaigns may not import (ARCHITECTURE.md: apps import only from home and research). This module asks
Django's app registry for them at call time and returns nothing when a model is absent. An item is related to a
page when it points at the page through a page foreign key (`related_page` on news, `related_project` on
publications), or shares one of the page's themes (`themes` many-to-many to `home.Theme`). Fields a model does
not have are simply not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

SOURCES: dict[str, tuple[str, str, Any]] = {
    "news": ("news", "NewsPage", _("Nieuws")),
    "events": ("events", "Event", _("Agenda")),
    "publications": ("research", "PublicationPage", _("Publicaties")),
}
# Foreign keys by which an item names the project or campaign it belongs to.
RELATED_PAGE_FIELDS = ("related_page", "related_project")
# The first of these fields a model has decides the order (newest first; events: soonest first).
DATE_FIELDS = ("date", "publication_date", "published_date", "first_published_at")


@dataclass(frozen=True)
class RelatedLink:
    """One related item, ready to render."""

    title: str
    url: str
    date: date | datetime | None = None


def optional_model(app_label: str, model_name: str) -> type[Model] | None:
    """The model, or None when that app (or model) is not installed."""
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def _has_field(model: type[Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _page_theme_ids(page: Page) -> list[int]:
    """The page's theme ids, read once per page object (every kind of related item asks)."""
    if not hasattr(page, "_related_theme_ids"):
        themes = getattr(page, "themes", None)
        page._related_theme_ids = [] if themes is None else [theme.pk for theme in themes.all()]
    return page._related_theme_ids


def _visible(model: type[Model], locale_id: int | None):
    """What visitors may see of `model`: live public pages in the language, published originals of plain models."""
    base = model._default_manager.all()
    # Plain models with an on/off switch and translations (events): published originals only.
    if hasattr(base, "originals"):
        base = base.originals()
    if _has_field(model, "published"):
        base = base.filter(published=True)
    if issubclass(model, Page):
        base = base.live().public().filter(locale_id=locale_id)
    return base


def latest(kind: str, request: HttpRequest | None, locale_id: int | None) -> RelatedLink | None:
    """The newest item of a kind ("news", "publications"; "events": the next one), or None (also without the app)."""
    app_label, model_name, _heading = SOURCES[kind]
    model = optional_model(app_label, model_name)
    if model is None:
        return None
    items = list(_ordered(model, _visible(model, locale_id))[:1])
    prepare = getattr(model, "prepare_for_display", None)
    if prepare is not None:
        items = prepare(items, request)
    return _link(items[0], request) if items else None


def related_queryset(model: type[Model], page: Page):
    """Items of `model` related to `page` (by `related_page` or shared themes), or None if nothing can match."""
    conditions = Q()
    for field_name in RELATED_PAGE_FIELDS:
        if _has_field(model, field_name):
            conditions |= Q(**{field_name: page})
    theme_ids = _page_theme_ids(page)
    if theme_ids and _has_field(model, "themes"):
        conditions |= Q(themes__in=theme_ids)
    if not conditions:
        return None
    base = _visible(model, page.locale_id).exclude(pk=page.pk)
    # The themes join can repeat rows: select the matching keys once, then order the items themselves.
    queryset = base.filter(pk__in=base.filter(conditions).values("pk"))
    return _ordered(model, queryset)


def _ordered(model: type[Model], queryset):
    if hasattr(queryset, "upcoming"):  # events: happening now or later (their own definition), soonest first
        return queryset.upcoming().order_by("start")
    for name in DATE_FIELDS:
        if _has_field(model, name):
            return queryset.order_by(f"-{name}")
    return queryset.order_by("-pk")


def _link(item: Model, request: HttpRequest | None) -> RelatedLink | None:
    if isinstance(item, Page):
        url = item.get_url(request=request)
    elif getattr(item, "url", None):  # set by the model's prepare_for_display
        url = item.url
    else:
        get_url = getattr(item, "get_absolute_url", None) or getattr(item, "get_url", None)
        url = get_url() if callable(get_url) else ""
    when = next((getattr(item, name) for name in ("date", "start", "publication_date") if hasattr(item, name)), None)
    title = str(getattr(item, "title", item))
    return RelatedLink(title, url or "", when)


def related_to(model: type[Model] | None, page: Page, request: HttpRequest | None = None, *, limit: int = 5):
    """Up to `limit` RelatedLinks of `model` for `page`; [] when the model is absent or nothing matches."""
    if model is None:
        return []
    queryset = related_queryset(model, page)
    if queryset is None:
        return []
    if issubclass(model, Page):
        queryset = queryset.specific(defer=True)
    items = list(queryset[:limit])
    # A model may show its items differently per visitor (events: the translation, a URL under the agenda).
    prepare = getattr(model, "prepare_for_display", None)
    if prepare is not None:
        items = prepare(items, request)
    return [link for item in items if (link := _link(item, request)) is not None]


def related_items(page: Page, request: HttpRequest | None = None, *, kinds=("news", "events", "publications")):
    """Sections [{kind, heading, links}] of related items for a project or campaign page, empty ones left out."""
    sections = []
    for kind in kinds:
        app_label, model_name, heading = SOURCES[kind]
        links = related_to(optional_model(app_label, model_name), page, request)
        if links:
            sections.append({"kind": kind, "heading": heading, "links": links})
    return sections


def microsite_news(
    request: HttpRequest | None = None, *, limit: int = 5, locale_id: int | None = None
) -> list[RelatedLink]:
    """News items flagged `show_on_microsite` in the page's language, newest first; [] without the news app."""
    model = optional_model("news", "NewsPage")
    if model is None or not _has_field(model, "show_on_microsite"):
        return []
    queryset = model._default_manager.live().public().filter(show_on_microsite=True)
    if locale_id is not None:
        queryset = queryset.filter(locale_id=locale_id)
    queryset = _ordered(model, queryset)
    return [link for item in queryset[:limit] if (link := _link(item, request)) is not None]
