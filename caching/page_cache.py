"""Whole pages for anonymous visitors, kept in Django's cache (Redis in production, local memory in development).

Anonymous visitors carry no cookie and all see the same page, so one rendering can serve them all, also on a single
server without a caching proxy in front (docs/deployment.md: how this cache and the proxy's work together).

What a stored page is keyed by: the host (Django checks it against ALLOWED_HOSTS, and one host is one site), the
scheme, the active language, the path, the query parameters *the page declares* with their values, today's date
(so "upcoming" lists and funders that start or end move at midnight) and the content version of
`caching/fragments.py`.

Why one content version for every site instead of precise per-URL purging: the invalidation registry of
`caching/signals.py` already replaces that version on every change a visitor can see (publish, unpublish, move,
delete, every registered snippet and setting, images, imports, sign-up counters), and a change on one site can show
on another (the microsite lists LOS news). Tracking which URLs show which object would be a second, fragile
mechanism; a new version costs each page one rendering, which is rare next to the views it saves.

Which requests and responses take part:
- only GET without a session, CSRF or messages cookie and without Authorization, never the admin;
- only what a Wagtail page (every page type, unless it sets `cache_for_visitors = False`) or a view decorated with
  `@cache_for_visitors(...)` answered; anything else (search, the API, forms' POST answers) is never stored;
- a request with a query parameter the page does not declare (`cache_query_params = ("page", "theme")`) is
  rendered and not stored, so a personal search (`?q=`) or made-up parameters never create keys; only the common
  campaign-link tags in `PAGE_CACHE_IGNORED_PARAMS` are ignored;
- only 200 responses that set no cookie, need no CSRF cookie, did not change the session, are not marked private,
  no-store or no-cache, and vary on nothing but Cookie and Accept-Language (both already part of the key).

`PAGE_CACHE_SECONDS` (0 switches the cache off) is only an upper bound, for anything that changes without a signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

from caching import routing
from caching.cache_control import is_private_path
from caching.fragments import fragment_version, key_digest, one_version_per_request

HIT_HEADER = "X-Page-Cache"
_NOT_DECLARED = object()
_NEVER = "never"
_SAFE_VARY = {"cookie", "accept-language"}
_PERSONAL_CACHE_CONTROL = ("private", "no-store", "no-cache")
_MAX_QUERY_STRING = 512


# Declaring ------------------------------------------------------------------------------------------------------


def declare(request: HttpRequest, query_params: Iterable[str] | None) -> None:
    """The view answering `request` may be cached, keyed by these query parameters (None: never cache it)."""
    request._page_cache_params = None if query_params is None else frozenset(query_params)


def params_of(page) -> tuple[str, ...] | None:
    """What a Wagtail page declares: `cache_query_params` (default none), or None when `cache_for_visitors` is
    False (a page that shows something per visitor or per moment)."""
    if not getattr(page, "cache_for_visitors", True):
        return None
    return tuple(getattr(page, "cache_query_params", ()))


def cache_for_visitors(*query_params: str) -> Callable:
    """Decorator for a plain Django view whose anonymous answer may be cached, keyed by `query_params`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            declare(request, query_params)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Keys -----------------------------------------------------------------------------------------------------------


def _personal(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or settings.CSRF_COOKIE_NAME in cookies
        or "messages" in cookies  # django.contrib.messages' cookie storage: a message meant for this visitor
        or "HTTP_AUTHORIZATION" in request.META
    )


def _anonymous_get(request: HttpRequest) -> bool:
    return request.method == "GET" and not is_private_path(request) and not _personal(request)


def _today() -> str:
    return timezone.localdate().isoformat()


def _base(request: HttpRequest) -> tuple:
    return (
        request.get_host().lower(),
        request.scheme,
        translation.get_language() or settings.LANGUAGE_CODE,
        request.path,
        _today(),
        fragment_version(),
    )


def _page_key(base: tuple, request: HttpRequest, declared: Iterable[str]) -> str | None:
    """The key of this request's page, or None when it has a parameter the page does not declare."""
    declared = set(declared)
    items = []
    for name, values in request.GET.lists():
        if name in settings.PAGE_CACHE_IGNORED_PARAMS:
            continue
        if name not in declared:
            return None
        items.append((name, values))
    return f"page:{key_digest(base, sorted(items))}"


# Storing and serving --------------------------------------------------------------------------------------------


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in _PERSONAL_CACHE_CONTROL) or response.has_header("Content-Encoding"):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    return vary <= _SAFE_VARY


def _restore(stored: tuple) -> HttpResponse:
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores pages for anonymous visitors by the rules above.

    Sits just after LocaleMiddleware (the language is known) and before everything that could set a cookie or
    find the user, so a hit costs no query; the outer middleware (security headers, Cache-Control) still runs on
    every response, so those headers are never stale.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _anonymous_get(request):
            return self.get_response(request)
        with one_version_per_request():
            return self._anonymous(request)

    def _anonymous(self, request: HttpRequest) -> HttpResponse:
        page_cache_on = (
            settings.PAGE_CACHE_SECONDS > 0 and len(request.META.get("QUERY_STRING", "")) <= _MAX_QUERY_STRING
        )
        if page_cache_on:
            base = _base(request)
            policy_key = f"page-params:{key_digest(base)}"
            declared = cache.get(policy_key)
            if declared is not None and declared != _NEVER:
                key = _page_key(base, request, declared)
                stored = cache.get(key) if key else None
                if stored is not None:
                    return _restore(stored)

        # Not in the cache: render, finding site and page from the cache where possible (caching/routing.py).
        if settings.SHARED_CACHE:
            request._los_route_cacheable = True
            routing.prime_site(request)
        response = self.get_response(request)
        if not page_cache_on:
            return response

        params = getattr(request, "_page_cache_params", _NOT_DECLARED)
        if params is _NOT_DECLARED:
            return response
        timeout = settings.PAGE_CACHE_SECONDS
        # Remember what this path declares, so the next request can find its key before rendering anything.
        cache.set(policy_key, _NEVER if params is None else tuple(sorted(params)), timeout)
        if params is None or not _storable(request, response):
            return response
        key = _page_key(base, request, params)
        if key:
            cache.set(key, (response.status_code, list(response.items()), response.content), timeout)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if getattr(request, "_los_route_cacheable", False):
            routing.prime_route(request, view_func, view_args, view_kwargs)
