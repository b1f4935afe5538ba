"""Running an agenda import: read, parse, match (a few queries for any file), then validate and write in bulk
(`bulk.BulkWriter`: one INSERT and one UPDATE per chunk of rows, no query or savepoint per row).

Any invalid row means nothing is written, and every problem is listed with its spreadsheet row and column, in
plain Dutch. The whole import is one transaction; side effects (search index) run on commit. A preview is the
same run with `dry_run=True`, rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.importing.columns import AGENDA_COLUMNS, COLUMNS, FIELD_COLUMN, IMPORT_FIELDS, column_field
from events.importing.matching import load_existing, set_aside_double_claims, set_aside_repeats
from events.importing.rows import ParsedRow, parse_row, settle
from events.models import AMSTERDAM, Event, ImportBatch, source_language
from events.tasks import reindex_events
from spreadsheets import lock
from spreadsheets.bulk import CHUNK_SIZE, BulkWriter
from spreadsheets.parsing import clean_text
from spreadsheets.reading import Table, UnusableFile, read_table
from spreadsheets.report import ImportReport, Problem, RowOutcome
from spreadsheets.undo import snapshot, undo_batch


def analyse_file(data: bytes, file_name: str) -> tuple[Table | None, list[ParsedRow], str]:
    """Read and parse a file. Returns (table, parsed rows, file error message)."""
    try:
        table = read_table(data, file_name, AGENDA_COLUMNS)
    except UnusableFile as error:
        return None, [], str(error)
    rows = [parse_row(table, number, raw) for number, raw in table.rows]
    if not rows:
        return table, [], _("Het bestand bevat een kopregel maar geen activiteiten.")
    return table, rows, ""


def file_name_for(name: str) -> str:
    return clean_text(name)[:255] or "bestand"


# The lock every import and undo of the agenda holds while it writes (see lock.py).
AGENDA_LOCK = "events.agenda"


def run_import(
    data: bytes,
    file_name: str,
    *,
    dry_run: bool,
    user=None,
    source: str = "admin",
    batch: ImportBatch | None = None,
    upload: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Preview (dry_run=True) or import a file. Nothing is written unless every row is valid.

    With dry_run=False a finished ImportBatch is returned in the report (an existing `batch`, as the background
    task passes, is filled in). An import waits for any other import or undo of the agenda to finish, and then
    matches against what that one wrote. `upload` names the kept upload: confirming it a second time (a double
    click) imports nothing and sets `report.earlier` to the import that already did. Progress is reported as
    (rows done, rows total) after each chunk.
    """
    with translation.override("nl"):
        report = ImportReport(file_name=file_name, dry_run=dry_run)
        table, rows, error = analyse_file(data, file_name)
        report.table = table
        if error:
            report.fail(error)
            return report
        try:
            with transaction.atomic():
                if not dry_run:
                    lock.hold(AGENDA_LOCK, wait=True)
                    if upload:
                        earlier = ImportBatch.objects.filter(upload=upload).exclude(pk=getattr(batch, "pk", None))
                        report.earlier = earlier.first()
                        if report.earlier is not None:
                            return report
                _run(
                    report,
                    rows,
                    dry_run=dry_run,
                    user=user,
                    source=source,
                    batch=batch,
                    upload=upload,
                    progress=progress,
                )
                if dry_run or not report.ok:
                    transaction.set_rollback(True)
                    report.batch = None if batch is None else report.batch
                    report.written = False
                else:
                    report.written = True
                    ids = [row.object_id for row in report.rows if row.status in ("new", "changed") and row.object_id]
                    transaction.on_commit(lambda: _after_commit(ids))
        except lock.Busy:
            report.fail(
                _(
                    "Er loopt al een andere import of er wordt een import ongedaan gemaakt. Er is niets veranderd. "
                    "Probeer het over een paar minuten opnieuw."
                )
            )
        return report


def _run(
    report: ImportReport,
    rows: list[ParsedRow],
    *,
    dry_run: bool,
    user,
    source: str,
    batch: ImportBatch | None,
    upload: str,
    progress: Callable[[int, int], None] | None,
) -> None:
    table = report.table
    existing = load_existing(rows)
    for row in rows:
        settle(row, table, existing.get(row.match_key) if row.match_key else None)
    importable, outcomes = set_aside_repeats(rows, table)
    importable, double_claims = set_aside_double_claims(importable, existing, table)
    outcomes |= double_claims
    if not dry_run:
        if batch is None:
            batch = ImportBatch.objects.create(
                user=user, file_name=file_name_for(report.file_name), source=source, upload=upload
            )
        batch.status = ImportBatch.Status.RUNNING
        batch.total_rows = len(rows)
    snapshots = {event.pk: snapshot(event, IMPORT_FIELDS) for event in {id(e): e for e in existing.values()}.values()}
    writer = BulkWriter(Event, IMPORT_FIELDS, unchecked=PARSED_FIELDS, always_written=["import_batch"])
    locale_id = Locale.objects.get(language_code=source_language()).pk
    batch_id = batch.pk if batch is not None else None
    done = len(outcomes)
    for start in range(0, len(importable), CHUNK_SIZE):
        chunk = importable[start : start + CHUNK_SIZE]
        written: list[tuple[RowOutcome, Event]] = []
        for row in chunk:
            event = existing.get(row.match_key) if row.match_key else None
            outcome, instance = _row_outcome(row, event, writer, table, snapshots, locale_id, batch_id)
            outcomes[row.number] = outcome
            if instance is not None:
                written.append((outcome, instance))
        try:
            with transaction.atomic():  # one savepoint per chunk, so a database error leaves a usable transaction
                writer.flush()
        except DatabaseError as error:
            # An unexpected error (a database problem, not bad input): name it, write nothing.
            report.fail(_("De import is mislukt: %(error)s") % {"error": error})
            return
        for outcome, instance in written:
            outcome.object_id = instance.pk
        done += len(chunk)
        if progress is not None:
            progress(done, len(rows))
    for row in rows:
        report.append_row_result(outcomes[row.number])

    if not dry_run and report.ok and batch is not None:
        _finish(batch, report, snapshots)
        report.batch = batch


# Fields our own parser (rows.py) only ever fills with valid values: the model's checks are not run again.
PARSED_FIELDS = ("start", "end", "all_day", "language")


def _row_outcome(
    row: ParsedRow,
    event: Event | None,
    writer: BulkWriter,
    table: Table,
    snapshots: dict[int, dict],
    locale_id: int,
    batch_id: int | None,
) -> tuple[RowOutcome, Event | None]:
    """What happens to one row, and the event to write for it (None when nothing is written): a new event, the
    matched one with the row's values, unchanged (every value as before), or invalid with every problem named."""
    outcome = RowOutcome(row.number, row.raw, row.values)
    before = snapshots.get(event.pk) if event is not None else None
    if not row.errors and before is not None and all(before[name] == row.values[name] for name in IMPORT_FIELDS):
        outcome.import_type = RowOutcome.IMPORT_TYPE_SKIP
        outcome.object_id = event.pk
        return outcome, None
    instance = Event(locale_id=locale_id) if event is None else event
    for name in IMPORT_FIELDS:
        setattr(instance, name, row.values[name])
    errors = writer.errors(instance, skip={column_field(key) for key in row.errors})
    if row.errors or errors:
        outcome.import_type = RowOutcome.IMPORT_TYPE_INVALID
        outcome.problems = _problems(row, errors, table)
        return outcome, None
    instance.import_batch_id = batch_id
    if event is None:
        outcome.import_type = RowOutcome.IMPORT_TYPE_NEW
        writer.create(instance)
    else:
        outcome.import_type = RowOutcome.IMPORT_TYPE_UPDATE
        writer.update(instance, [name for name in IMPORT_FIELDS if before[name] != row.values[name]])
        outcome.changed_fields, outcome.cleared_fields = _changed_columns(
            Event(**{name: before[name] for name in IMPORT_FIELDS}), instance
        )
    return outcome, instance


def _problems(row: ParsedRow, message_dict: dict[str, list[str]], table: Table) -> list[Problem]:
    """Our own parse errors carry the column the volunteer used; model errors are mapped from the field."""
    problems = []
    seen: set[tuple[str, str]] = set()
    for key, messages in row.errors.items():
        for message in messages:
            seen.add((column_field(key), message))
            problems.append(Problem(row.number, table.column_name(key), message))
    for field_name, messages in message_dict.items():
        for message in messages:
            if (field_name, message) in seen:
                continue
            column = FIELD_COLUMN.get(field_name)
            label = table.column_name(column) if column in COLUMNS else ""
            problems.append(Problem(row.number, label, message))
    return problems


def _changed_columns(before: Event, after: Event) -> tuple[list[str], list[str]]:
    """The columns (by their Dutch names) whose value an update changes, and those of them it empties."""
    changed: list[str] = []
    cleared: list[str] = []
    for name in IMPORT_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if old == new:
            continue
        if name in ("start", "end"):
            old_local = timezone.localtime(old, AMSTERDAM) if old else None
            new_local = timezone.localtime(new, AMSTERDAM) if new else None
            date_key, time_key = ("date", "start_time") if name == "start" else ("end_date", "end_time")
            if (old_local and old_local.date()) != (new_local and new_local.date()):
                changed.append(COLUMNS[date_key])
            if (old_local and old_local.time()) != (new_local and new_local.time()):
                changed.append(COLUMNS[time_key])
            if new is None:
                cleared.append(COLUMNS[time_key])
        else:
            changed.append(COLUMNS.get(FIELD_COLUMN[name], name))
            if new in ("", None):
                cleared.append(COLUMNS.get(FIELD_COLUMN[name], name))
    return list(dict.fromkeys(changed)), cleared


def _finish(batch: ImportBatch, report: ImportReport, snapshots: dict[int, dict[str, Any]]) -> None:
    """Record the finished import, with what undo needs: the events it created and the values it replaced."""
    batch.created_ids = [row.object_id for row in report.rows if row.status == "new"]
    batch.previous_values = {
        str(row.object_id): snapshots[row.object_id]
        for row in report.rows
        if row.status == "changed" and row.object_id in snapshots
    }
    batch.created_count = report.count("new")
    batch.updated_count = report.count("changed")
    batch.unchanged_count = report.count("unchanged") + report.count("duplicate")
    batch.processed_rows = len(report.rows)
    batch.status = ImportBatch.Status.DONE
    batch.finished_at = timezone.now()
    batch.save()


def _after_commit(ids: list[int]) -> None:
    """Side effects of a committed import: bulk writes skip signals, so the search index is updated here."""
    if ids:
        reindex_events.enqueue(ids)


def undo_import(batch: ImportBatch, *, user=None, keep_later_changes: bool = False) -> tuple[int, int]:
    """Remove the events `batch` created (with their translations) and restore those it changed, never destroying
    later work (see undo.undo_batch). Returns (removed, restored); raises UndoNotPossible."""
    return undo_batch(
        batch,
        model=Event,
        fields=IMPORT_FIELDS,
        lock_name=AGENDA_LOCK,
        user=user,
        keep_later_changes=keep_later_changes,
        after_commit=_after_commit,
    )
