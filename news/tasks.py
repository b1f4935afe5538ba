"""Background tasks of the news app (django-tasks; a worker in production, inline in development)."""

from __future__ import annotations

import logging

from django_tasks import task

logger = logging.getLogger("los.news")


@task()
def generate_share_image(page_id: int) -> str:
    """Draw the share image of a published news item now, so the first social platform asking for it does
    not wait for Pillow. Returns the storage name ("" when the item is gone or not live)."""
    from news.models import NewsPage
    from news.share_image import ensure_share_image

    page = NewsPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return ""
    return ensure_share_image(page)


def queue_share_image(sender, instance, **kwargs) -> None:
    """page_published receiver: queue the share image once the publication is committed."""
    from django.db import transaction

    page_id = instance.pk
    transaction.on_commit(lambda: generate_share_image.enqueue(page_id))
