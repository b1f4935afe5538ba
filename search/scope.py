"""Which pages search may show: live, public (no view restrictions), of a registered family, in one language
and on one site. Every backend re-checks its hits against this before they are shown."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.db import models
from django.db.models import Q
from wagtail.models import Locale, Page, Site

from search import registry


def current_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


# Scopes already built during one search (``remembered``): the page search, the agenda's search and the
# promotions each ask for the same scope, and building it costs two queries (view restrictions, the site's roots).
_remembered: ContextVar[dict | None] = ContextVar("search_scopes", default=None)


@contextlib.contextmanager
def remembered() -> Iterator[None]:
    """Within this block, ``scope`` builds each (site, locale) scope once."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def scope(site: Site | None, locale: Locale) -> models.QuerySet:
    """Live, public pages of the registered families in one language on one site."""
    memo = _remembered.get()
    if memo is None:
        return _scope(site, locale)
    key = (site.pk if site else None, locale.pk)
    if key not in memo:
        memo[key] = _scope(site, locale)
    # A copy: callers narrow it; the memo stays unevaluated.
    return memo[key].all()


def _scope(site: Site | None, locale: Locale) -> models.QuerySet:
    content_types = list(registry.families_by_content_type())
    pages = Page.objects.live().public().filter(locale=locale, content_type__in=content_types)
    if site is not None:
        within = Q(pk__in=[])
        for path in site_root_paths(site, locale):
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    return pages


def site_root_paths(site: Site, locale: Locale) -> list[str]:
    """Tree paths of a site in one language. Each language has its own tree under a translation of the site's
    root page (/en/ is served from the English home page), so: the root page and its translation."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key, locale=locale)
    return sorted({site.root_page.path, *roots.values_list("path", flat=True)})
