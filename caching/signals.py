"""Shared fragments and cached pages go stale when what they show changes (caching/fragments.py, page_cache.py).

Pages (publish, unpublish, move, delete, view restrictions), images, documents, and every registered snippet and
setting (a new app's snippets and settings take part without registering) are watched here; which other models feed
what visitors see each app says for itself with `register_fragment_sources()` in its AppConfig.ready (orderables of
a setting, imported events, ...), so this base app names no feature model. The reverse, a snippet no visitor ever
sees (newsletter subscribers), is declared with `register_private_snippets()`: saving one leaves every cached page
alone, so a busy subscription day does not empty the page cache. Writes that send no signal (`.update()`,
bulk imports) call `caching.fragments.invalidate_fragments()` themselves.
"""

from __future__ import annotations

from itertools import chain

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from caching.fragments import invalidate_fragments
from caching.purge import purge_documents, purge_gone_pages

_sources: set[str] = set()
_private: set[type] = set()


def register_fragment_sources(*labels: str) -> None:
    """Saving or deleting a row of these models ("app_label.Model") makes every cached fragment stale."""
    for label in labels:
        if label in _sources:
            continue
        _sources.add(label)
        model = apps.get_model(label)
        post_save.connect(_changed, sender=model, dispatch_uid=f"fragments-save-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"fragments-delete-{label}")


def register_private_snippets(*labels: str) -> None:
    """Snippets ("app_label.Model") that no public page shows: their changes make nothing stale."""
    _private.update(apps.get_model(label) for label in labels)


def fragment_sources() -> frozenset[str]:
    return frozenset(_sources)


def _changed(sender, **kwargs) -> None:
    invalidate_fragments()


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        invalidate_fragments()


def _snippet_or_setting_changed(sender, **kwargs) -> None:
    """Any snippet (registered in the admin) or setting is something visitors see: themes, funders, site texts,
    events, appearance, languages, and whatever a new app registers."""
    if sender in _private:
        return
    if getattr(sender, "snippet_viewset", None) is not None or issubclass(sender, BaseSiteSetting | BaseGenericSetting):
        invalidate_fragments()


def _page_unpublished(sender, instance, **kwargs) -> None:
    purge_gone_pages([instance])


def _page_about_to_be_deleted(sender, instance, **kwargs) -> None:
    # Connected for Page itself: every page of a deleted subtree passes once, as its Page row (before any is gone).
    purge_gone_pages([instance])


# The subtree is chained, not listed: its query runs only when a proxy is configured (purge_gone_pages reads
# nothing otherwise), so moving a section with hundreds of news items costs nothing extra without one.
def _page_about_to_move(sender, instance, **kwargs) -> None:
    purge_gone_pages(chain([instance], instance.get_descendants().live()))


def _page_restricted(sender, instance, **kwargs) -> None:
    purge_gone_pages(chain([instance.page], instance.page.get_descendants().live()))


def _document_changed(sender, instance, **kwargs) -> None:
    purge_documents([instance])


def _collection_restricted(sender, instance, **kwargs) -> None:
    purge_documents(get_document_model().objects.filter(collection=instance.collection))


def connect() -> None:
    # A funder's logo or a hero image can be replaced by a new file under the same image, or deleted (its
    # renditions go with it: a stored page would show broken images). A document's title, size and address (with
    # the file's name) show in document links and a publication's download button: a stored page linked a
    # replaced or deleted document's old address, a 404.
    post_save.connect(_changed, sender=get_image_model(), dispatch_uid="fragments-save-image")
    post_delete.connect(_changed, sender=get_image_model(), dispatch_uid="fragments-delete-image")
    post_save.connect(_changed, sender=get_document_model(), dispatch_uid="fragments-save-document")
    post_delete.connect(_changed, sender=get_document_model(), dispatch_uid="fragments-delete-document")
    page_published.connect(_changed, dispatch_uid="fragments-published")
    # Renditions of a newly published page are made off the request path (caching/warming.py).
    from caching.warming import queue_warm_page

    page_published.connect(queue_warm_page, dispatch_uid="warm-published-page")
    page_unpublished.connect(_changed, dispatch_uid="fragments-unpublished")
    post_page_move.connect(_changed, dispatch_uid="fragments-moved")
    post_delete.connect(_page_deleted, dispatch_uid="fragments-page-deleted")
    post_save.connect(_snippet_or_setting_changed, dispatch_uid="fragments-snippet-saved")
    post_delete.connect(_snippet_or_setting_changed, dispatch_uid="fragments-snippet-deleted")
    # A page made private (or public again) must leave the page cache at once.
    register_fragment_sources("wagtailcore.PageViewRestriction")
    # What leaves visitors' view is purged from the proxy with the URLs it had (caching/purge.py).
    page_unpublished.connect(_page_unpublished, dispatch_uid="purge-unpublished")
    pre_delete.connect(_page_about_to_be_deleted, sender=Page, dispatch_uid="purge-deleted")
    pre_page_move.connect(_page_about_to_move, dispatch_uid="purge-moved")
    post_save.connect(_page_restricted, sender=PageViewRestriction, dispatch_uid="purge-restricted")
    post_save.connect(_document_changed, sender=get_document_model(), dispatch_uid="purge-document-saved")
    pre_delete.connect(_document_changed, sender=get_document_model(), dispatch_uid="purge-document-deleted")
    post_save.connect(_collection_restricted, sender=CollectionViewRestriction, dispatch_uid="purge-collection")
