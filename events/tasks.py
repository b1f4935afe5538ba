"""Background work for the agenda: big imports and keeping the search index in step with bulk writes.

Development and tests use django-tasks' immediate backend (the task runs inside the request); production
configures a queue with a worker (see cms/settings/production.py). The progress of a running import is kept in
the cache (Redis in production, so the web process can read what the worker writes) and in the batch row.
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger("los.events")


def progress_key(batch_id: int) -> str:
    return f"events:import-progress:{batch_id}"


@task()
def run_import_task(batch_id: int) -> None:
    """Import the file stored for `batch_id` (queued by the admin for big files)."""
    from django.contrib.auth import get_user_model

    from events.importing import run_import
    from events.models import ImportBatch

    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != ImportBatch.Status.QUEUED:
        return
    ImportBatch.objects.filter(pk=batch_id).update(status=ImportBatch.Status.RUNNING)
    user = get_user_model().objects.filter(pk=batch.user_id).first() if batch.user_id else None

    def progress(done: int, total: int) -> None:
        cache.set(progress_key(batch_id), (done, total), timeout=3600)

    try:
        with default_storage.open(batch.stored_file, "rb") as handle:
            data = handle.read()
        report = run_import(
            data, batch.file_name, dry_run=False, user=user, source=batch.source, batch=batch, progress=progress
        )
    except Exception:
        logger.exception("Import %s failed", batch_id)
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED,
            finished_at=timezone.now(),
            message=_("De import is mislukt door een fout op de server. Er is niets veranderd."),
        )
        raise
    finally:
        if batch.stored_file and default_storage.exists(batch.stored_file):
            default_storage.delete(batch.stored_file)
        cache.delete(progress_key(batch_id))
    if not report.written:
        # Someone changed the agenda between preview and import so that rows became invalid: nothing written.
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatch.Status.FAILED,
            finished_at=timezone.now(),
            stored_file="",
            message="\n".join(report.lines()),
        )
    else:
        ImportBatch.objects.filter(pk=batch_id).update(stored_file="")


@task()
def reindex_events(ids: list[int], deleted_ids: list[int] | None = None) -> None:
    """Update the search index for events written in bulk (bulk writes send no signals)."""
    from wagtail.search.backends import get_search_backends

    from events.models import Event

    deleted_ids = deleted_ids or []
    for backend in get_search_backends(with_auto_update=True):
        try:
            for start in range(0, len(ids), 1000):
                events = list(Event.objects.filter(pk__in=ids[start : start + 1000]))
                if events:
                    backend.add_bulk(Event, events)
            if deleted_ids:
                _remove_from_index(backend, deleted_ids)
        except Exception:  # the search index must never break an import
            logger.exception("Updating the search index for %s events failed", len(ids) + len(deleted_ids))


def _remove_from_index(backend, ids: list[int]) -> None:
    """Remove deleted events from the index: one query for the database backend, else one call per event."""
    from django.contrib.contenttypes.models import ContentType

    from events.models import Event

    try:
        from wagtail.search.models import IndexEntry
    except ImportError:  # pragma: no cover - another search package
        IndexEntry = None
    if IndexEntry is not None and "database" in type(backend).__module__:
        content_type = ContentType.objects.get_for_model(Event)
        for start in range(0, len(ids), 1000):
            chunk = [str(pk) for pk in ids[start : start + 1000]]
            IndexEntry.objects.filter(content_type=content_type, object_id__in=chunk).delete()
        return
    for pk in ids:
        backend.delete(Event(pk=pk))
