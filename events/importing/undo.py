"""Undoing an import: remove the records it created and restore the values it replaced.

The bookkeeping is the import batch's (`created_ids`, and `previous_values` from `snapshot()` per changed
record); the model and the fields an import writes are passed in, so nothing here is the agenda's. Records are
deleted through the ORM in chunks, so every library's `post_delete` handlers run: wagtail-localize removes the
translation records, Wagtail its reference index entries, the search backends their index entries.
`QuerySet._raw_delete` would skip them all and leave orphans behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

CHUNK_SIZE = 1_000


class UndoNotPossible(Exception):
    """This import cannot be undone (already undone, not finished, or a later import changed the same records)."""


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values an import is about to replace, and the batch that last wrote them, for undo.

    Stored in a JSONField with DjangoJSONEncoder: datetimes become ISO strings, restored by `restore`."""
    values = {name: getattr(instance, name) for name in fields}
    values["import_batch"] = instance.import_batch_id
    return values


def undo_blocker(batch: models.Model) -> str:
    """Why `batch` cannot be undone, or '' when it can: it must be finished, and no later finished import may
    have touched the same records (undo those first)."""
    Batch = type(batch)
    if batch.status != Batch.Status.DONE:
        return _("Alleen een afgeronde import kan ongedaan worden gemaakt.")
    touched = batch.touched_ids
    for other in Batch.objects.filter(status=Batch.Status.DONE, pk__gt=batch.pk):
        if touched & other.touched_ids:
            return _("Een latere import (%(file)s) heeft dezelfde activiteiten gewijzigd. Maak die eerst ongedaan.") % {
                "file": other.file_name
            }
    return ""


def undo_batch(
    batch: models.Model,
    *,
    model: type[models.Model],
    fields: list[str],
    user=None,
    after_commit: Callable[[list[int]], None] | None = None,
) -> tuple[int, int]:
    """Remove the `model` records `batch` created (with their translations) and restore those it changed.

    Returns (removed, restored). `after_commit` gets the ids of the restored records (bulk updates send no
    signals, so the caller reindexes them)."""
    Batch = type(batch)
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch.pk)
        blocker = undo_blocker(batch)
        if blocker:
            raise UndoNotPossible(blocker)
        removed = delete_with_translations(model, [int(pk) for pk in batch.created_ids])
        restored = restore(model, batch.previous_values, fields)
        batch.status = Batch.Status.UNDONE
        batch.undone_at = timezone.now()
        batch.undone_by = user
        batch.save()
        if after_commit is not None:
            ids = [instance.pk for instance in restored]
            transaction.on_commit(lambda: after_commit(ids))
    return removed, len(restored)


def delete_with_translations(model: type[models.Model], ids: list[int]) -> int:
    """Delete the records `ids` and their translations (same translation key) through the ORM, a chunk at a
    time, so that every signal handler runs. Returns how many of `ids` were deleted (translations not counted)."""
    removed = 0
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = ids[start : start + CHUNK_SIZE]
        originals = model.objects.filter(pk__in=chunk)
        model.objects.filter(translation_key__in=originals.values("translation_key")).exclude(pk__in=chunk).delete()
        _total, per_model = originals.delete()
        removed += per_model.get(model._meta.label, 0)
    return removed


def restore(model: type[models.Model], previous_values: dict[str, dict[str, Any]], fields: list[str]) -> list:
    """Put back the values `snapshot` recorded (keyed by record id), in bulk. Returns the restored records."""
    restored = []
    for instance in model.objects.filter(pk__in=[int(pk) for pk in previous_values]):
        previous = previous_values[str(instance.pk)]
        for name in fields:
            value = previous.get(name)
            if isinstance(value, str) and isinstance(model._meta.get_field(name), models.DateTimeField):
                value = parse_datetime(value)
            setattr(instance, name, value)
        instance.import_batch_id = previous.get("import_batch")
        restored.append(instance)
    model.objects.bulk_update(restored, [*fields, "import_batch"], batch_size=CHUNK_SIZE)
    return restored
