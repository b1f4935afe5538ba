"""Cache-Control for every response the site itself builds (static files get theirs from WhiteNoise).

- Public pages for anonymous visitors: ``public, max-age=0, s-maxage=PUBLIC_CACHE_MAX_AGE,
  stale-while-revalidate=PUBLIC_CACHE_STALE_WHILE_REVALIDATE`` and ``Vary: Cookie``: a CDN or caching proxy
  (docs/deployment.md) keeps them briefly and serves a slightly stale copy while fetching a new one, which is
  what carries a campaign-day spike. The visitor's own browser revalidates (max-age=0): someone who just
  signed a petition and goes back must see the counter move, not their browser's copy from before.
  Every change that makes the page cache stale purges the front-end cache where one is configured (caching/purge.py).
- ``private, no-store`` for everything that must never be shared or kept: the admin, previews, every request
  with a session cookie (logged-in users, whose pages carry the user bar, and visitors who typed a page's or
  document's password), documents in a collection with a view restriction (`mark_private`, from
  caching/wagtail_hooks.py), answers to posted forms, and any response that sets a cookie or carries a CSRF token.
- A view that chose its own Cache-Control (feeds, share images, never_cache views) keeps it, unless the
  response is private by the rules above.

https://docs.djangoproject.com/en/5.2/topics/cache/#controlling-cache-using-other-headers
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

PRIVATE = "private, no-store"
_PRIVATE_PREFIXES = ("/admin/", "/django-admin/")
_PUBLIC_STATUSES = {200, 203, 204, 300, 301, 304, 404, 405, 410}
_MARK = "los_private_response"


def is_private_path(request: HttpRequest) -> bool:
    """The admin: never public, never stored (also by the page cache, caching/page_cache.py)."""
    return request.path.startswith(_PRIVATE_PREFIXES)


def _is_private(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method not in ("GET", "HEAD"):
        return True
    if is_private_path(request) or getattr(request, "is_preview", False):
        return True
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    # A session is what lets someone see what others do not: a login, or a page's or document's password typed in
    # (those sessions have no user). Vary: Cookie alone did not protect them, since Cloudflare ignores it.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    return getattr(request, _MARK, False)


def mark_private(request: HttpRequest) -> None:
    """Make the response to this request private whoever asks (a document in a restricted collection)."""
    setattr(request, _MARK, True)


def cache_control_for(request: HttpRequest, response: HttpResponse) -> str | None:
    """The Cache-Control value this response should get, or None to leave it alone."""
    if _is_private(request, response):
        return PRIVATE
    if response.has_header("Cache-Control") or response.status_code not in _PUBLIC_STATUSES:
        return None
    return (
        f"public, max-age=0, s-maxage={settings.PUBLIC_CACHE_MAX_AGE}, "
        f"stale-while-revalidate={settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE}"
    )


class CacheControlMiddleware:
    """Sets Cache-Control on every response by the rules above."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        value = cache_control_for(request, response)
        if value == PRIVATE:
            response.headers.pop("Expires", None)
            response["Cache-Control"] = PRIVATE
        elif value:
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.PUBLIC_CACHE_MAX_AGE,
                stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
            )
            # Logged-in editors see the same URL with a user bar: shared caches keep the anonymous copy only.
            patch_vary_headers(response, ("Cookie",))
        return response
