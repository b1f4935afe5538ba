"""Cached fragments every public page shares: the main menu, the footer (with the funder strip).

The fragments are cached per site and language under a *version* kept in the cache. Publishing, unpublishing,
moving or deleting a page and saving any setting or snippet they show replaces the version, so every fragment
is stale at once, on every app server (the cache is Redis in production), without knowing their keys.
`FRAGMENT_CACHE_SECONDS` is only an upper bound.

The version is replaced at once and again when the transaction commits: a request that rendered between the
write and the commit could otherwise cache what it read from before the commit.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation
from wagtail.models import Locale, Site

VERSION_KEY = "fragments:version"

# Within one_version_per_request(): the version this request read first (None: not read yet). Every fragment,
# route and page key of a listing reads it, a dozen Redis round trips per uncached page view otherwise.
_REQUEST_VERSION: ContextVar[str | None] = ContextVar("fragment_request_version", default=None)
_REQUEST_SCOPE: ContextVar[bool] = ContextVar("fragment_request_scope", default=False)


@contextmanager
def one_version_per_request() -> Iterator[None]:
    """Read the version from the cache once for everything inside (one anonymous page view): the page is built
    from one version, as if it had been rendered just before a newer one. Replacing the version in this process
    drops the remembered one (_replace_version), so a request that publishes still sees its own change."""
    scope, version = _REQUEST_SCOPE.set(True), _REQUEST_VERSION.set(None)
    try:
        yield
    finally:
        _REQUEST_VERSION.reset(version)
        _REQUEST_SCOPE.reset(scope)


def fragment_version() -> str:
    """The current version token (a new one when the cache lost it, which also makes every fragment stale)."""
    version = _REQUEST_VERSION.get()
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or "0"
    if _REQUEST_SCOPE.get():
        _REQUEST_VERSION.set(version)
    return version


def _replace_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    _REQUEST_VERSION.set(None)


def invalidate_fragments(*, purge_proxy: bool = True) -> None:
    """Make every cached fragment and page stale, now and again after the current transaction commits; then
    purge the proxy in front of the site too (caching/purge.py), unless `purge_proxy` is False."""
    _replace_version()
    transaction.on_commit(_replace_version)
    if purge_proxy:
        from caching.purge import queue_proxy_purge  # tasks and Wagtail's page model load after the apps

        transaction.on_commit(queue_proxy_purge)


def key_digest(*parts: object) -> str:
    """A short, fixed-length cache key part for anything a visitor chooses (a path, query parameters): keys stay
    within every backend's limit and two different values never share a key (cutting them to a length did)."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def fragment_key(request: HttpRequest | None) -> str:
    """What a shared fragment depends on: site, language, today's date (funders end and start) and version."""
    site = Site.find_for_request(request) if request is not None else None
    return ":".join(
        [
            str(site.pk if site else 0),
            translation.get_language() or settings.LANGUAGE_CODE,
            timezone.localdate().isoformat(),
            fragment_version(),
        ]
    )


def fragment_timeout() -> int:
    return settings.FRAGMENT_CACHE_SECONDS


def cached_value(request: HttpRequest | None, name: str, build):
    """`build()` cached under `name` and the fragment key of this request (without a request: for every site),
    so it goes stale with every other fragment. The one helper for what pages share; Django's get_or_set does
    the rest."""
    return cache.get_or_set(f"fragment:{name}:{fragment_key(request)}", build, fragment_timeout())


def cached_values(request: HttpRequest | None, names: list[str], build_missing) -> list:
    """`cached_value` for several names in one cache round trip: `build_missing(indexes)` builds the values of
    the names at those indexes (the ones not in the cache), in that order."""
    if not names:
        return []
    suffix = fragment_key(request)
    keys = [f"fragment:{name}:{suffix}" for name in names]
    found = cache.get_many(keys)
    missing = [index for index, key in enumerate(keys) if key not in found]
    if missing:
        built = dict(zip((keys[index] for index in missing), build_missing(missing), strict=True))
        cache.set_many(built, fragment_timeout())
        found.update(built)
    return [found[key] for key in keys]


def active_locale() -> Locale:
    """Wagtail's Locale.get_active() (a query each time), cached per language like every fragment."""
    return cached_value(None, "active-locale", Locale.get_active)


class CachedSiteSetting:
    """Mixin for a site setting every page shows (organisation, appearance): read from the fragment cache per site,
    instead of one query per request. Saving any setting replaces the version (caching/signals.py). Put it before
    BaseSiteSetting in the bases."""

    @classmethod
    def for_request(cls, request: HttpRequest):
        attr = cls.get_cache_attr_name()
        if hasattr(request, attr):
            return getattr(request, attr)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = cached_value(request, f"setting:{cls._meta.label_lower}", lambda: cls.for_site(site))
        instance._request = request  # as Wagtail does: page links in the setting are made for this request
        setattr(request, attr, instance)
        return instance
