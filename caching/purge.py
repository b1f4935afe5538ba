"""Purging the caching proxy or CDN in front of the site: one path for pages, snippets and settings alike.

Whatever makes the application's page cache stale (`caching.fragments.invalidate_fragments`: publishing,
unpublishing, moving or deleting a page, any snippet or setting visitors see, imports) also purges the proxy,
after the commit, in one background task: every live public page's URLs through Wagtail's front-end cache
backends (`FRONTEND_CACHE_URL`, Cloudflare; see docs/deployment.md). A publication changes more than its own
page (listings, the home page, menus, related items), so the proxy is purged as widely as the application cache
is; Wagtail's own publish-only handler (the `wagtail.contrib.frontend_cache` app) is not installed, so there is no
second path. Several changes in a row queue one purge: the flag is cleared when the task starts.

That site-wide purge sends the URLs of live public pages only, so a page that leaves visitors' view (unpublished,
deleted, moved, made private) and a document that is deleted, replaced or restricted are purged by their own small
task, with the URLs they had before the change (`purge_gone_pages`, `purge_documents`, connected in
caching/signals.py). Without it an editor who took down a page with a name or a shelter's address on it saw it
served by the proxy for `s-maxage` plus `stale-while-revalidate` more.

Not purged: the sign-up counter's moves (a purge of the whole site per signature would be a storm; proxies show
the new count within `PUBLIC_CACHE_MAX_AGE`), and addresses a page answers below its own (an event under the
agenda, an archived newsletter) unless the page lists them in `get_cached_paths`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

QUEUED_KEY = "purge:queued"


def queue_proxy_purge() -> None:
    """Queue one purge of every page, unless one is already waiting; nothing without a configured proxy."""
    if settings.WAGTAILFRONTENDCACHE and cache.add(QUEUED_KEY, 1, timeout=600):
        purge_every_page.enqueue()


@task()
def purge_every_page() -> int:
    """Send every live public page's URLs to the proxy/CDN backends; how many URLs were sent."""
    cache.delete(QUEUED_KEY)  # a change from now on queues the next purge
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().exclude(depth=1).specific().iterator(chunk_size=500))
    batch.purge()
    return len(batch.urls)


def purge_gone_pages(pages: Iterable[Page]) -> None:
    """Purge `pages`' URLs as they are now, after the commit: called before (or as) they leave visitors' view."""
    if settings.WAGTAILFRONTENDCACHE:
        batch = PurgeBatch()
        batch.add_pages(pages)
        _purge_after_commit(batch.urls)


def purge_documents(documents: Iterable) -> None:
    """Purge the documents' addresses on every site (the serve view answers on each host), after the commit."""
    if settings.WAGTAILFRONTENDCACHE:
        roots = [site.root_url for site in Site.objects.all()]
        _purge_after_commit({root + document.url for document in documents for root in roots})


def _purge_after_commit(urls: set[str]) -> None:
    if urls:
        sorted_urls = sorted(urls)
        transaction.on_commit(lambda: purge_urls.enqueue(sorted_urls))


@task()
def purge_urls(urls: list[str]) -> int:
    batch = PurgeBatch()
    batch.add_urls(urls)
    batch.purge()
    return len(batch.urls)
