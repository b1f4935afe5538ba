"""One purge path for the proxy/CDN (caching/purge.py): publishing a page, editing a snippet (a theme) or a setting
each purge every live page's URLs after the commit; a change while a purge waits queues no second one; without a
configured proxy nothing is queued; a sign-up does not purge the whole site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from wagtail.contrib.frontend_cache.backends import BaseBackend

from caching.purge import QUEUED_KEY
from demo import MICROSITE_HOSTNAME
from home.models import OrganisationSettings, Theme

pytestmark = pytest.mark.django_db

SENT: list[str] = []


class RecordingBackend(BaseBackend):
    """Stands in for Varnish or Cloudflare: remembers what it was asked to purge."""

    def purge(self, url: str) -> None:
        SENT.append(url)


@pytest.fixture
def proxy(settings):
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": f"{__name__}.RecordingBackend"}}
    SENT.clear()
    cache.clear()
    return SENT


def _purged(proxy) -> set[tuple[str, str]]:
    return {(urlsplit(url).hostname, urlsplit(url).path) for url in proxy}


@pytest.mark.parametrize("change", ["publish", "theme", "setting"])
def test_pages_snippets_and_settings_purge_every_page(
    proxy, home_page, main_site, change, django_capture_on_commit_callbacks
):
    news_index = home_page.get_children().live().get(slug="nieuws").specific
    with django_capture_on_commit_callbacks(execute=True):
        if change == "publish":
            news_index.save_revision().publish()
        elif change == "theme":
            theme = Theme.objects.first()
            theme.name += " "
            theme.save()
        else:
            OrganisationSettings.for_site(main_site).save()
    purged = _purged(proxy)
    assert ("localhost", "/") in purged and ("localhost", "/nieuws/") in purged  # home and a listing, whatever changed
    assert (MICROSITE_HOSTNAME, "/") in purged  # the microsite's pages as well
    assert len(proxy) == len(set(proxy))


def test_while_a_purge_waits_for_the_worker_a_change_queues_no_second_one(proxy, django_capture_on_commit_callbacks):
    cache.add(QUEUED_KEY, 1)  # queued, not started yet (the immediate task backend would have run it at once)
    with django_capture_on_commit_callbacks(execute=True):
        Theme.objects.first().save()
    assert proxy == []


def test_without_a_proxy_nothing_is_queued(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Theme.objects.first().save()
    assert cache.get(QUEUED_KEY) is None


def test_a_signature_moves_the_counter_without_purging_the_site(proxy, django_capture_on_commit_callbacks):
    from campaigns.models import SignupCounter, SignupFormPage

    with django_capture_on_commit_callbacks(execute=True):
        SignupCounter.increment(SignupFormPage.objects.live().first())
    assert proxy == []


# Issue 25 review: the site-wide purge sends live public pages only, so a page taken down stayed in the proxy.
@pytest.mark.parametrize("change", ["unpublish", "delete", "move", "restrict"])
def test_a_page_that_leaves_visitors_view_is_purged_with_its_old_address(
    proxy, home_page, change, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    news_index = home_page.get_children().get(slug="nieuws")
    item = news_index.get_children().live().first().specific
    old_path = urlsplit(item.full_url).path
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            item.unpublish()
        elif change == "delete":
            news_index.get_children().get(pk=item.pk).delete()
        elif change == "move":
            item.move(home_page.get_children().exclude(pk=news_index.pk).first(), pos="last-child")
        else:
            PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert ("localhost", old_path) in _purged(proxy)


def test_a_document_deleted_or_restricted_is_purged_on_every_site(proxy, django_capture_on_commit_callbacks):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    document = get_document_model().objects.first()
    path = document.url
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=document.collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
        )
    assert {("localhost", path), (MICROSITE_HOSTNAME, path)} <= _purged(proxy)
    proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert ("localhost", path) in _purged(proxy)
    assert Collection.objects.exists()


@pytest.mark.parametrize("change", ["move", "restrict"])
def test_without_a_proxy_a_section_moved_or_restricted_reads_no_subtree(settings, home_page, change):
    """The purge's list of a subtree's old addresses is only read when a proxy is configured."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    settings.WAGTAILFRONTENDCACHE = {}
    news_index = home_page.get_children().get(slug="nieuws")
    subtree_path = news_index.path
    with CaptureQueriesContext(connection) as queries:
        if change == "move":
            news_index.move(home_page.get_children().exclude(pk=news_index.pk).first(), pos="last-child")
        else:
            PageViewRestriction.objects.create(
                page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
    # Wagtail's own queries name the subtree too (moving rewrites its paths with UPDATE); a SELECT of the
    # subtree's live pages is the purge's.
    read_subtree = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith("SELECT") and subtree_path in q["sql"] and "live" in q["sql"]
    ]
    assert read_subtree == []
