"""Background tasks of the search app: keeping Elasticsearch in step (django-tasks; a worker in production)."""

from __future__ import annotations

from django_tasks import task

from search import service


@task()
def sync_page_task(page_id: int) -> None:
    """Index or remove one page in Elasticsearch after publish, unpublish or move."""
    service.backend().sync_page(page_id)


@task()
def remove_page_task(page_id: int) -> None:
    """Remove a deleted page from Elasticsearch."""
    service.backend().remove_page(page_id)
