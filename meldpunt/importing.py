"""Importing the existing register (one report per row) with the shared spreadsheet parts (`spreadsheets/`).

Reading is `spreadsheets.reading.read_table` (: XLSX/ODS/CSV, headers found by name, hostile
files bounded), cells are parsed with `spreadsheets.parsing`, the upload is kept between preview and
confirm with `KeptUpload` and a signed token. Like the agenda import: the preview runs the same checks as the
import, any problem in any row means nothing is written, and a finished import can be undone.

People's names, V-numbers, phone numbers and any other column we do not know are never read: `sanitised_copy`
writes the sheet again with only the known columns (the other headers kept, their cells empty) before anything
is stored, and the preview lists the columns that were ignored. Contact details are never imported.
Columns: meldpunt/import_columns.py (docs/meldpunt-import.md).
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from meldpunt.import_columns import COLUMN_NAMES, COLUMNS, EXTRA_WORDS, ROW, ROW_HEADER
from meldpunt.models import DetentionLocation, Referral, Report, ReportChange, ReportImport, Status, Topic
from meldpunt.models.reports import next_references
from meldpunt.statistics import TOPIC_LABELS
from spreadsheets import lock
from spreadsheets.bulk import BulkWriter
from spreadsheets.parsing import CellError, clean_text, parse_date
from spreadsheets.reading import Table, UnusableFile, read_table
from spreadsheets.report import SheetReport
from spreadsheets.undo import undoing
from spreadsheets.uploads import KeptUpload
from spreadsheets.writers import write_xlsx

LOCK = "meldpunt-import"
# The copy kept between preview and confirm holds descriptions: one nobody confirmed or cancelled goes after an
# hour (`manage.py meldpunt_clean_imports`, run every quarter of an hour by the scheduler), not the agenda's day.
KEPT_FOR = datetime.timedelta(hours=1)
MAX_DESCRIPTION = 5_000
_LIST_SEPARATORS = re.compile(r"[,;/\n]+")


class KeptSheet(KeptUpload):
    """The sanitised copy (`sanitised_copy`) between preview and confirm, in a folder of its own."""

    folder = "meldpunt-import"


def remove_abandoned_sheets() -> int:
    """Remove kept copies older than KEPT_FOR (a preview nobody confirmed or cancelled); how many."""
    return KeptSheet.remove_stale(set(), after=KEPT_FOR)


def sanitised_copy(data: bytes, file_name: str) -> bytes:
    """The sheet with only the columns we import (and the row numbers of the original), as XLSX: what is kept
    between preview and confirm. Other columns keep their header, so the preview can say they were ignored, but
    none of their cells (names, V-numbers, phone numbers) is copied. Raises UnusableFile."""
    table = read_table(data, file_name, COLUMNS)
    keys = [key for key in COLUMN_NAMES if key in table.columns]
    headers = [ROW_HEADER, *(table.column_name(key) for key in keys), *table.ignored_columns]
    # The ignored columns have their header only: empty cells for them in every row made a wide sheet's copy
    # slow to write (300 ignored columns of 2,000 rows: 40 s).
    rows = [[number, *(table.cell(raw, key) for key in keys)] for number, raw in table.rows]
    return write_xlsx(headers, rows, sheet_title="Meldingen")


@dataclass
class SheetRow:
    """One spreadsheet row: its number in the volunteer's file, the report it becomes, what is wrong with it."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def location(self) -> str:
        location = self.values.get("location")
        return location.name if location else "?"


def _choices(name: str) -> dict[str, str]:
    """Every word that means one of the field's choices (value, Dutch and English label, common words)."""
    words: dict[str, str] = {}
    for value, label in Report._meta.get_field(name).choices:
        if not value:
            continue
        words[str(value).casefold()] = value
        words[str(value).replace("_", " ").casefold()] = value
        for language in ("nl", "en"):
            with translation.override(language):
                words[str(label).casefold()] = value
    return {**words, **{word: value for word, value in EXTRA_WORDS.get(name, {}).items() if value in words.values()}}


class _Lookups:
    """What the cells are matched against, loaded once per file."""

    def __init__(self) -> None:
        self.locations = {location.name.casefold(): location for location in DetentionLocation.objects.all()}
        self.topics: dict[str, Topic] = {}
        for topic in Topic.objects.all():
            self.topics[str(topic.name).casefold()] = topic
            self.topics[topic.slug.casefold()] = topic
            if topic.slug in TOPIC_LABELS:
                with translation.override("en"):
                    self.topics[str(TOPIC_LABELS[topic.slug]).casefold()] = topic
        self.choices = {name: _choices(name) for name in ("channel", "urgency", "status", "outcome")}
        self.location_names = ", ".join(sorted(location.name for location in self.locations.values()))
        self.topic_names = ", ".join(sorted({str(topic.name) for topic in self.topics.values()}))


def _choice(row: SheetRow, table: Table, raw: list[Any], name: str, lookups: _Lookups) -> str:
    text = clean_text(table.cell(raw, name)).casefold()
    if not text:
        default = Report._meta.get_field(name).default
        return "" if callable(default) or default is None or str(default) == "" else default
    value = lookups.choices[name].get(text)
    if value is None:
        known = sorted({str(label) for key, label in Report._meta.get_field(name).choices if key})
        row.problems.append(
            _("kolom %(column)s: '%(value)s' kennen we niet; kies uit %(known)s")
            % {"column": table.column_name(name), "value": text[:40], "known": ", ".join(known)}
        )
        return ""
    return value


def _date(row: SheetRow, table: Table, raw: list[Any], name: str) -> datetime.date | None:
    try:
        day = parse_date(table.cell(raw, name))
    except CellError as error:
        row.problems.append(_("kolom %(column)s: %(error)s") % {"column": table.column_name(name), "error": error})
        return None
    if day is not None and day > timezone.localdate():
        row.problems.append(_("kolom %(column)s: ligt in de toekomst") % {"column": table.column_name(name)})
    return day


def parse_row(table: Table, number: int, raw: list[Any], lookups: _Lookups) -> SheetRow:
    """One row into report values; every problem named by column, in the volunteer's words."""
    row = SheetRow(int(table.cell(raw, ROW) or number) if ROW in table.columns else number)
    values = row.values
    values["received_on"] = _date(row, table, raw, "received_on")
    if values["received_on"] is None and not row.problems:
        row.problems.append(_("kolom %(column)s: vul de datum in") % {"column": table.column_name("received_on")})
    location_name = clean_text(table.cell(raw, "location"))
    values["location"] = lookups.locations.get(location_name.casefold())
    if values["location"] is None:
        row.problems.append(
            _(
                "kolom %(column)s: '%(value)s' staat niet in de lijst met locaties (%(known)s). Voeg de locatie eerst "
                "toe of schrijf haar zoals in de lijst."
            )
            % {"column": table.column_name("location"), "value": location_name[:60], "known": lookups.location_names}
        )
    for word in _LIST_SEPARATORS.split(clean_text(table.cell(raw, "topics"))):
        if not (word := word.strip()):
            continue
        topic = lookups.topics.get(word.casefold())
        if topic is None:
            row.problems.append(
                _("kolom %(column)s: onderwerp '%(value)s' kennen we niet; kies uit %(known)s")
                % {"column": table.column_name("topics"), "value": word[:40], "known": lookups.topic_names}
            )
        elif topic not in row.topics:
            row.topics.append(topic)
    values["description"] = clean_text(table.cell(raw, "description"), multiline=True)
    if len(values["description"]) > MAX_DESCRIPTION:
        row.problems.append(
            _("kolom %(column)s: langer dan %(max)s tekens; kort de omschrijving in")
            % {"column": table.column_name("description"), "max": MAX_DESCRIPTION}
        )
    for name in ("channel", "urgency", "status", "outcome"):
        values[name] = _choice(row, table, raw, name, lookups)
    values["closed_on"] = _date(row, table, raw, "closed_on")
    referred_to = clean_text(table.cell(raw, "referred_to"))
    referred_on = _date(row, table, raw, "referred_on")
    limit = Referral._meta.get_field("referred_to").max_length
    if referred_on and not referred_to:
        row.problems.append(
            _("kolom %(column)s: ingevuld, maar niet aan wie") % {"column": table.column_name("referred_on")}
        )
    elif limit and len(referred_to) > limit:
        row.problems.append(
            _("kolom %(column)s: langer dan %(max)s tekens")
            % {"column": table.column_name("referred_to"), "max": limit}
        )
    values["referral"] = (referred_to, referred_on or values["received_on"]) if referred_to else None
    if not clean_text(table.cell(raw, "status")):
        values["status"] = (
            Status.CLOSED if values["closed_on"] else Status.REFERRED if referred_to else Status.REGISTERED
        )
    elif values["closed_on"] and values["status"] and values["status"] != Status.CLOSED:
        # A report that is not closed has no closing date (Report.save drops it): say so instead of losing it.
        row.problems.append(
            _("kolom %(column)s: ingevuld, maar de status is niet afgesloten")
            % {"column": table.column_name("closed_on")}
        )
    for name in ("closed_on", "referred_on"):
        later = values["closed_on"] if name == "closed_on" else referred_on
        if later and values["received_on"] and later < values["received_on"]:
            row.problems.append(
                _("kolom %(column)s: ligt vóór de datum van de melding") % {"column": table.column_name(name)}
            )
    return row


REPORT_FIELDS = ("received_on", "channel", "location", "description", "urgency", "status", "outcome", "closed_on")


def _report(row: SheetRow) -> Report:
    return Report(**{name: row.values[name] for name in REPORT_FIELDS})


def _validate(row: SheetRow, writer: BulkWriter) -> None:
    """The model's own checks (choices, lengths, its clean()), as row problems: the engine's writer runs them as
    `full_clean` would, remembering each verdict per value (a column repeats the same location hundreds of times)."""
    for name, messages in writer.errors(_report(row)).items():
        column = COLUMN_NAMES.get(name, "")
        row.problems += [f"{column}: {message}" if column else message for message in messages]


def _repeats(rows: list[SheetRow]) -> None:
    """A row that is already in the register (same date, location, channel and description), or twice in the
    file, is refused: importing the same sheet twice must not count the same calls twice."""
    described = [row for row in rows if not row.problems and row.values["description"]]
    if not described:
        return
    days = {row.values["received_on"] for row in described}
    existing = {
        (received_on, location_id, channel, description): reference
        for received_on, location_id, channel, description, reference in Report.objects.filter(
            received_on__in=days
        ).values_list("received_on", "location_id", "channel", "description", "reference")
    }
    seen: dict[tuple, int] = {}
    for row in described:
        key = (row.values["received_on"], row.values["location"].pk, row.values["channel"], row.values["description"])
        if key in existing:
            row.problems.append(_("staat al in het register (%(reference)s)") % {"reference": existing[key]})
        elif key in seen:
            row.problems.append(_("dezelfde melding staat ook in rij %(row)s") % {"row": seen[key]})
        seen.setdefault(key, row.number)


def _writer() -> BulkWriter:
    # Reference, contact, assignment and batch are set by the import itself, never read from the sheet.
    return BulkWriter(Report, REPORT_FIELDS, stamp=None)


def parse_sheet(data: bytes, file_name: str, writer: BulkWriter | None = None) -> SheetReport:
    try:
        table = read_table(data, file_name, COLUMNS)
    except UnusableFile as error:
        return SheetReport(file_error=str(error))
    report = SheetReport(ignored_columns=table.ignored_columns)
    lookups, writer = _Lookups(), writer or _writer()
    for number, raw in table.rows:
        row = parse_row(table, number, raw, lookups)
        if not row.problems:
            _validate(row, writer)
        report.rows.append(row)
    _repeats(report.rows)
    if not report.rows:
        report.file_error = _("Het bestand bevat een kopregel maar geen meldingen.")
    return report


def run_import(data: bytes, file_name: str, *, user, dry_run: bool) -> SheetReport:
    """Preview (dry_run) or import. Nothing is written unless every row is valid."""
    with translation.override("nl"):
        writer = _writer()
        report = parse_sheet(data, file_name, writer)
        if dry_run or not report.ok:
            return report
        for attempt in range(3):
            try:
                with transaction.atomic():
                    lock.hold(LOCK, wait=True)
                    report.batch = _write(report.rows, writer, user=user, file_name=file_name)
                break
            except IntegrityError:
                # Someone registered a report meanwhile and took a reference this import had counted on.
                if attempt == 2:
                    raise
    return report


def _write(rows: list[SheetRow], writer: BulkWriter, *, user, file_name: str) -> ReportImport:
    """The reports, their topics, referrals and case history in a few bulk INSERTs: no query per row."""
    batch = ReportImport.objects.create(user=user, file_name=clean_text(file_name)[:255] or "bestand")
    reports = [_report(row) for row in rows]
    by_year: dict[int, list[Report]] = defaultdict(list)
    for created in reports:
        created.apply_status()  # what Report.save does, which bulk writing skips
        created.import_batch = batch
        by_year[created.received_on.year].append(created)
    for year, group in by_year.items():
        for created, reference in zip(group, next_references(year, len(group)), strict=True):
            created.reference = reference
        for created in group:
            writer.create(created)
    writer.flush()
    pairs = list(zip(reports, rows, strict=True))
    Topics = Report.topics.through
    Topics.objects.bulk_create([Topics(report=created, topic=topic) for created, row in pairs for topic in row.topics])
    Referral.objects.bulk_create(
        Referral(report=created, referred_to=row.values["referral"][0], referred_on=row.values["referral"][1])
        for created, row in pairs
        if row.values["referral"]
    )
    # Never the file's name: it may hold a person's name (the batch, visible to the Meldpunt only, keeps it).
    summary = _("Geïmporteerd uit een spreadsheet")
    username = user.get_username() if user is not None else ""  # bulk_create skips NamesItsAuthor.save
    ReportChange.objects.bulk_create(
        ReportChange(report=created, user=user, username=username, summary=summary) for created in reports
    )
    batch.row_count, batch.finished_at = len(reports), timezone.now()
    batch.save(update_fields=["row_count", "finished_at"])
    return batch


def undo_blocker(batch: ReportImport) -> str:
    """Why `batch` cannot be undone, or '': a report it added was worked on since (that work would be lost)."""
    if batch.status != ReportImport.Status.DONE:
        return _("Deze import is al ongedaan gemaakt.")
    changed = batch.reports.filter(updated_at__gt=batch.finished_at or batch.created_at)
    if references := list(changed.values_list("reference", flat=True)[:10]):
        return _(
            "Meldingen uit deze import zijn daarna nog bijgewerkt (%(references)s). Ongedaan maken zou dat werk "
            "weggooien; verwijder zo nodig losse meldingen."
        ) % {"references": ", ".join(references)}
    return ""


def undo_import(batch: ReportImport, *, user=None) -> int:
    """Remove the reports the import added (with their referrals and history). Returns how many."""
    with undoing(batch, lock_name=LOCK, blocker=undo_blocker, user=user) as batch:
        removed = 0
        for report in batch.reports.all():  # through the ORM: every delete signal runs
            report.delete()
            removed += 1
    return removed
