"""Big agenda imports as a background task, with their progress.

Development and tests use django-tasks' immediate backend (the task runs inside the request); production
configures a queue with a worker (see cms/settings/production.py). The progress of a running import is kept in
the cache (Redis in production, so the web process can read what the worker writes) and in the batch row.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from events.importing.engine import run_import
from events.models import ImportBatch
from spreadsheets.uploads import KeptUpload

logger = logging.getLogger("los.events")

# Above this many rows the admin runs the import as a background task with a progress page.
BACKGROUND_THRESHOLD = 2_000


def progress_key(batch_id: int) -> str:
    return f"events:import-progress:{batch_id}"


def progress(batch: ImportBatch) -> tuple[int, int]:
    """(rows done, rows total) of an import: while it runs as the worker last reported, else as recorded."""
    if batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING):
        return cache.get(progress_key(batch.pk), (0, batch.total_rows))
    return batch.processed_rows, batch.total_rows


@task()
def run_import_task(batch_id: int) -> None:
    """Import the file stored for `batch_id` (queued by the admin for big files)."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != ImportBatch.Status.QUEUED:
        return
    ImportBatch.objects.filter(pk=batch_id).update(status=ImportBatch.Status.RUNNING)
    user = get_user_model().objects.filter(pk=batch.user_id).first() if batch.user_id else None
    kept = KeptUpload.at(batch.stored_file)

    def report_progress(done: int, total: int) -> None:
        cache.set(progress_key(batch_id), (done, total), timeout=3600)

    try:
        if kept is None:
            raise FileNotFoundError(batch.stored_file)
        report = run_import(
            kept.read(),
            batch.file_name,
            dry_run=False,
            user=user,
            source=batch.source,
            batch=batch,
            progress=report_progress,
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
        if kept is not None:
            kept.remove()
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
