"""Finding the site and the page of an anonymous request without asking the database every time.

Wagtail resolves every request from scratch: the site by host name (one query), the site's root page and its
translation (two or three), then one query per path segment down to the page and one for its specific type.
For a news item that was 7 of its 21 queries, the same for every visitor. Here the site and the routed page (with
its view restrictions) are kept in Django's cache under the content version of caching/fragments.py, which
publishing, unpublishing, moving, deleting, view restrictions and saving a site replace (caching/signals.py), so
a cached route never outlives what it points to.

Wagtail offers the hooks for it: `Site.find_for_request` and `Page.route_for_request` look at
`request._wagtail_site` and `request._wagtail_route_for_request` first. We fill them, nothing else changes. Only
anonymous GET requests use it (the same rule as the page cache), and only with a cache every process shares
(`SHARED_CACHE`); editors always get Wagtail's own lookups.
"""

from __future__ import annotations

import functools

from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.views import serve

from caching.fragments import fragment_timeout, fragment_version, key_digest


class _Restrictions(list):
    """The page's view restrictions as a list that still answers the queryset question callers ask."""

    def exists(self) -> bool:
        return bool(self)


def _site_key(request: HttpRequest) -> str:
    return f"route-site:{request._get_raw_host().lower()[:200]}:{fragment_version()}"


def prime_site(request: HttpRequest) -> None:
    """Put this host's Site (with its root page) on the request, from the cache when it is there."""
    key = _site_key(request)
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is None:
            return
        site.root_page  # noqa: B018 (loaded now, so it is kept with the site)
        cache.set(key, site, fragment_timeout())
    request._wagtail_site = site


def _route_key(site: Site, path: str) -> str:
    return f"route-page:{site.pk}:{key_digest(translation.get_language(), path)}:{fragment_version()}"


def _serve_path(view_args, view_kwargs) -> str | None:
    """The `path` Wagtail's serve view gets (positional in wagtail.urls), without the language prefix."""
    return view_args[0] if view_args else view_kwargs.get("path")


def prime_route(request: HttpRequest, view_func, view_args, view_kwargs: dict) -> None:
    """Before Wagtail's serve view runs: the page this path routed to last time, routed again from there (a
    routable page resolves its sub-path without a query)."""
    path = _serve_path(view_args, view_kwargs)
    site = getattr(request, "_wagtail_site", None)
    if view_func is not serve or path is None or site is None:
        return
    stored = cache.get(_route_key(site, path))
    if stored is None:
        return
    page, remaining, restrictions = stored
    # Wagtail's own before_serve_page hook (check_view_restrictions) asks the page for its view restrictions:
    # two queries (the page's ancestors, then the restrictions), answered here from the same cache entry.
    # PageViewRestriction is an invalidation source, so a page made private leaves the cache at once.
    # A partial, not a lambda: the page stays picklable should anything cache it again.
    page.get_view_restrictions = functools.partial(_Restrictions, restrictions)
    request._los_route_primed = True
    try:
        request._wagtail_route_for_request = page.route(request, list(remaining))
    except Http404:
        request._wagtail_route_for_request = None


def remember_route(request: HttpRequest, page: Page) -> None:
    """After Wagtail routed `request` to `page` (before_serve_page): keep the page for the next visitor."""
    site = getattr(request, "_wagtail_site", None)
    match = getattr(request, "resolver_match", None)
    if site is None or match is None or match.func is not serve or getattr(request, "_los_route_primed", False):
        return
    if not getattr(request, "_los_route_cacheable", False):
        return
    path = _serve_path(match.args, match.kwargs) or ""
    components = [component for component in path.split("/") if component]
    remaining = components[page.depth - site.root_page.depth :]
    restrictions = list(page.get_view_restrictions())
    cache.set(_route_key(site, path), (page, remaining, restrictions), fragment_timeout())
