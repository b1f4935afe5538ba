"""Keeps search data in step with content: PDF text on document save, and the Elasticsearch index on publish,
unpublish, move and delete (only when Elasticsearch is configured; the database index is Wagtail's own)."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import service


@receiver(post_save, sender=get_document_model())
def extract_document_text(sender, instance, **kwargs) -> None:
    from search.documents import store_document_text

    # After the commit, so a rolled-back upload leaves nothing behind and the file is really there.
    transaction.on_commit(lambda: store_document_text(instance))


def _sync(page_id: int) -> None:
    # A task (a worker in production, inline in development), queued once the page is committed.
    if service.elastic_enabled():
        from search.tasks import sync_page_task

        transaction.on_commit(lambda: sync_page_task.enqueue(page_id))


@receiver(page_published)
def on_publish(sender, instance, **kwargs) -> None:
    _sync(instance.pk)


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs) -> None:
    _sync(instance.pk)


@receiver(post_page_move)
def on_move(sender, instance, **kwargs) -> None:
    # The moved page and everything below it may have changed site or privacy.
    for page_id in Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True):
        _sync(page_id)


@receiver(post_delete)
def on_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and service.elastic_enabled():
        from search.tasks import remove_page_task

        page_id = instance.pk
        transaction.on_commit(lambda: remove_page_task.enqueue(page_id))
