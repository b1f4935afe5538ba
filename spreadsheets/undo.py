"""Undoing an import: remove the records it created and restore the values it replaced.

Undo never destroys later work: it is refused while another import runs, and when a later import, a hand edit or
a new translation touched the same records it names them and goes ahead only when asked to keep those (see
`later_changes`). The bookkeeping is the import batch's (`created_ids`, and `previous_values` from `snapshot()`
per changed record); the model and the fields an import writes are passed in, so nothing here is the
agenda's. Records are deleted through the ORM in chunks, so every library's `post_delete` handlers run:
wagtail-localize removes the translation records, Wagtail its reference index entries, the search backends their
index entries.
`QuerySet._raw_delete` would skip them all and leave orphans behind.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from spreadsheets import lock
from spreadsheets.models import ImportRecord

CHUNK_SIZE = 1_000


# Another import queued or running longer ago than this is taken to have died with its worker.
RUNNING_AT_MOST = datetime.timedelta(hours=12)
# The field that says when a record last changed (Django's auto_now); undo restores it with the values.
STAMP = "updated_at"


class UndoNotPossible(ValueError):
    """This import cannot be undone now: the message says why, `changes` lists the records concerned when later
    work touched them (undo may then go ahead keeping those, see undo_batch). A ValueError, which is what the
    undo of `ImportViews` shows as the reason."""

    def __init__(self, message: str, changes: list[LaterChange] | None = None) -> None:
        super().__init__(message)
        self.changes = changes or []


@dataclass
class LaterChange:
    """A record an import touched that was changed after it: by a later import, by hand, or by a translation."""

    pk: int
    name: str
    reason: str


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values an import is about to replace, the batch that last wrote them and when, for undo.

    Stored in a JSONField with DjangoJSONEncoder: datetimes become ISO strings, restored by `restore`."""
    values = {name: getattr(instance, name) for name in fields}
    values["import_batch"] = instance.import_batch_id
    values[STAMP] = getattr(instance, STAMP)
    return values


def undo_blocker(batch: ImportRecord) -> str:
    """Why `batch` cannot be undone at all, or '' when it can: it must be finished, and no other import of the
    sheet may be queued or running (its changes could be lost, or it could update what undo removes)."""
    Batch = type(batch)
    if batch.status != Batch.Status.DONE:
        return _("Alleen een afgeronde import kan ongedaan worden gemaakt.")
    running = Batch.objects.filter(
        status__in=[Batch.Status.QUEUED, Batch.Status.RUNNING], created_at__gte=timezone.now() - RUNNING_AT_MOST
    ).exclude(pk=batch.pk)
    if other := running.first():
        return _(
            "Er loopt nu een andere import (%(file)s). Wacht tot die klaar is en kijk dan opnieuw: die import kan "
            "dezelfde activiteiten wijzigen."
        ) % {"file": other.file_name}
    return ""


def later_changes(batch: ImportRecord, model: type[models.Model]) -> list[LaterChange]:
    """The records `batch` created or changed that something changed after it finished: a later import (the
    record names another batch), a translation made or edited since, or a hand edit in the admin (changed after
    the import finished). Undoing them would destroy that later work."""
    Batch = type(batch)
    finished = batch.finished_at
    ids = sorted(batch.touched_ids)
    changes: list[LaterChange] = []
    for start in range(0, len(ids), CHUNK_SIZE):
        records = list(model.objects.filter(pk__in=ids[start : start + CHUNK_SIZE]).order_by("pk"))
        other_batches = {
            other.pk: other.file_name
            for other in Batch.objects.filter(pk__in={r.import_batch_id for r in records} - {batch.pk, None})
        }
        translated = model.objects.filter(translation_key__in=[r.translation_key for r in records]).exclude(pk__in=ids)
        if finished:
            translated = translated.filter(**{f"{STAMP}__gt": finished})
        languages = {t.translation_key: t.locale.get_display_name() for t in translated.select_related("locale")}
        for record in records:
            if record.import_batch_id in other_batches:
                reason = _("gewijzigd door een latere import (%(file)s)") % {
                    "file": other_batches[record.import_batch_id]
                }
            elif record.translation_key in languages:
                reason = _("na de import vertaald (%(language)s)") % {"language": languages[record.translation_key]}
            elif record.import_batch_id != batch.pk or (finished and getattr(record, STAMP) > finished):
                reason = _("na de import met de hand gewijzigd")
            else:
                continue
            changes.append(LaterChange(record.pk, str(record), reason))
    return changes


def undo_batch(
    batch: ImportRecord,
    *,
    model: type[models.Model],
    fields: list[str],
    lock_name: str,
    user=None,
    keep_later_changes: bool = False,
    after_commit: Callable[[list[int]], None] | None = None,
) -> tuple[int, int]:
    """Remove the `model` records `batch` created (with their translations) and restore those it changed.

    Never destroys later work: refused while another import runs (holding `lock_name`, as imports do, so none
    can start meanwhile) and when later work touched the same records (`later_changes`), unless
    `keep_later_changes`: then those records stay as they are now and only the rest is undone.
    Returns (removed, restored). `after_commit` gets the ids of the restored records (bulk updates send no
    signals, so the caller reindexes them)."""
    with undoing(batch, lock_name=lock_name, blocker=undo_blocker, user=user) as batch:
        changes = later_changes(batch, model)
        if changes and not keep_later_changes:
            raise UndoNotPossible(
                _(
                    "Na deze import zijn %(count)s van zijn activiteiten opnieuw gewijzigd. Ongedaan maken zou die "
                    "latere wijzigingen weggooien."
                )
                % {"count": len(changes)},
                changes,
            )
        kept = {change.pk for change in changes}
        removed = delete_with_translations(model, [int(pk) for pk in batch.created_ids if int(pk) not in kept])
        previous = {pk: values for pk, values in batch.previous_values.items() if int(pk) not in kept}
        restored = restore(model, previous, fields)
        if after_commit is not None:
            ids = [instance.pk for instance in restored]
            transaction.on_commit(lambda: after_commit(ids))
    return removed, len(restored)


@contextmanager
def undoing(batch: ImportRecord, *, lock_name: str, blocker: Callable[[ImportRecord], str], user=None) -> Iterator:
    """The frame of every undo of an import batch (agenda, figures, Meldpunt, subscribers): one transaction,
    refused at once while another import or undo of the same sheet runs (holding `lock_name`), the batch row
    locked and checked again by `blocker` (its reason raised as UndoNotPossible), and, when the block went
    through, marked undone by `user` and saved. Yields the locked batch: set its counts inside the block."""
    with transaction.atomic():
        try:
            lock.hold(lock_name, wait=False)
        except lock.Busy:
            raise UndoNotPossible(
                _("Er loopt nu een andere import. Wacht tot die klaar is en kijk dan opnieuw.")
            ) from None
        batch = type(batch).objects.select_for_update().get(pk=batch.pk)
        if reason := blocker(batch):
            raise UndoNotPossible(reason)
        yield batch
        batch.status, batch.undone_at, batch.undone_by = batch.Status.UNDONE, timezone.now(), user
        batch.save()


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
        if previous.get(STAMP):  # imports before 2026-12 did not record it; those keep the time of the undo
            setattr(instance, STAMP, parse_datetime(previous[STAMP]))
        else:
            setattr(instance, STAMP, timezone.now())
        restored.append(instance)
    model.objects.bulk_update(restored, [*fields, "import_batch", STAMP], batch_size=CHUNK_SIZE)
    return restored
