"""Shared fragments and cached pages go stale when what they show changes (caching/fragments.py, page_cache.py).

Pages (publish, unpublish, move, delete, view restrictions), images, and every registered snippet and setting
(a new app's snippets and settings take part without registering) are watched here; which other models feed what
visitors see each app says for itself with `register_fragment_sources()` in its AppConfig.ready (orderables of a
setting, imported events, ...), so this base app names no feature model. The reverse, a snippet no visitor ever
sees (newsletter subscribers), is declared with `register_private_snippets()`: saving one leaves every cached page
alone, so a busy subscription day does not empty the page cache. Writes that send no signal (`.update()`,
bulk imports) call `caching.fragments.invalidate_fragments()` themselves.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.fragments import invalidate_fragments

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


def connect() -> None:
    # A funder's logo or a hero image can be replaced by a new file under the same image.
    post_save.connect(_changed, sender=get_image_model(), dispatch_uid="fragments-save-image")
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
