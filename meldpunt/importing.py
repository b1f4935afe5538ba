"""Importing the existing register (one report per row) with the agenda's engine parts.

Reading is the agenda's (`events.importing.reading.read_table`: XLSX/ODS/CSV, headers found by name, hostile
files bounded), cells are parsed with `events.importing.parsing`, the upload is kept between preview and
confirm with `KeptUpload` and a signed token. Like the agenda import: the preview runs the same checks as the
import, any problem in any row means nothing is written, and a finished import can be undone.

People's names, V-numbers, phone numbers and any other column we do not know are never read: `sanitised_copy`
writes the sheet again with only the known columns (the other headers kept, their cells empty) before anything
is stored, and the preview lists the columns that were ignored. Contact details are never imported.
Columns: see `COLUMN_NAMES` (docs/meldpunt-import.md).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.importing import lock
from events.importing.parsing import CellError, clean_text, parse_date
from events.importing.reading import ColumnSet, Table, UnusableFile, read_table
from events.importing.writers import write_xlsx
from meldpunt.models import DetentionLocation, Referral, Report, ReportChange, ReportImport, Status, Topic
from meldpunt.statistics import TOPIC_LABELS

LOCK = "meldpunt-import"
ROW = "row"  # the row number in the volunteer's own file, carried by the sanitised copy
ROW_HEADER = "_rij_in_bestand"
MAX_DESCRIPTION = 5_000

COLUMN_NAMES = {
    "received_on": "Datum",
    "channel": "Kanaal",
    "location": "Locatie",
    "topics": "Onderwerpen",
    "description": "Omschrijving",
    "urgency": "Urgentie",
    "status": "Status",
    "referred_to": "Doorverwezen naar",
    "referred_on": "Datum doorverwijzing",
    "outcome": "Uitkomst",
    "closed_on": "Afgesloten op",
}
ALIASES = {
    "received_on": ("datum", "datum melding", "ontvangen op", "date", "received on"),
    "channel": ("kanaal", "via", "channel"),
    "location": ("locatie", "detentielocatie", "plaats", "location"),
    "topics": ("onderwerpen", "onderwerp", "topics", "topic"),
    "description": ("omschrijving", "beschrijving", "melding", "description"),
    "urgency": ("urgentie", "urgent", "spoed", "urgency"),
    "status": ("status", "stand", "stand van zaken"),
    "referred_to": ("doorverwezen naar", "doorverwezen aan", "referred to"),
    "referred_on": ("datum doorverwijzing", "doorverwezen op", "referred on"),
    "outcome": ("uitkomst", "resultaat", "outcome"),
    "closed_on": ("afgesloten op", "datum afgesloten", "gesloten op", "closed on"),
    ROW: (ROW_HEADER,),
}
COLUMNS = ColumnSet.from_aliases(
    {**COLUMN_NAMES, ROW: ROW_HEADER},
    ALIASES,
    required=("received_on", "location"),
    no_header_message=gettext_lazy(
        "Geen kopregel gevonden: de eerste regel noemt de kolommen, minstens Datum en Locatie."
    ),
)
# Words volunteers write for the choices, besides the choices' own values and Dutch and English labels.
EXTRA_WORDS = {
    "channel": {
        "telefoon": "phone",
        "tel": "phone",
        "gebeld": "phone",
        "app": "whatsapp",
        "mail": "email",
        "e-mail": "email",
        "brief": "letter",
        "post": "letter",
        "bezoek": "visit",
        "anders": "other",
    },
    "urgency": {"ja": "urgent", "spoed": "urgent", "dringend": "urgent", "nee": "normal", "normaal": "normal"},
    "status": {
        "doorverwezen": "referred",
        "klacht": "complaint_filed",
        "gesloten": "closed",
        "afgesloten": "closed",
        "nieuw": "registered",
        "open": "registered",
    },
    "outcome": {
        "opgelost": "resolved",
        "deels": "partly_resolved",
        "niet opgelost": "not_resolved",
        "ingetrokken": "withdrawn",
        "onbekend": "unknown",
    },
}
_LIST_SEPARATORS = re.compile(r"[,;/\n]+")


def sanitised_copy(data: bytes, file_name: str) -> bytes:
    """The sheet with only the columns we import (and the row numbers of the original), as XLSX: what is kept
    between preview and confirm. Other columns keep their header, so the preview can say they were ignored, but
    none of their cells (names, V-numbers, phone numbers) is copied. Raises UnusableFile."""
    table = read_table(data, file_name, COLUMNS)
    keys = [key for key in COLUMN_NAMES if key in table.columns]
    headers = [ROW_HEADER, *(table.column_name(key) for key in keys), *table.ignored_columns]
    rows = [
        [number, *(table.cell(raw, key) for key in keys), *([""] * len(table.ignored_columns))]
        for number, raw in table.rows
    ]
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


@dataclass
class SheetReport:
    """The outcome of a preview or an import."""

    file_error: str = ""
    rows: list[SheetRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batch: ReportImport | None = None

    @property
    def ok(self) -> bool:
        return not self.file_error and bool(self.rows) and not any(row.problems for row in self.rows)

    @property
    def problem_count(self) -> int:
        return sum(1 for row in self.rows if row.problems)


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


def _validate(row: SheetRow) -> None:
    """The model's own checks (choices, lengths, its clean()), as row problems."""
    try:
        _report(row).full_clean(exclude=["reference", "assigned_to", "contact", "import_batch"], validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
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


def parse_sheet(data: bytes, file_name: str) -> SheetReport:
    try:
        table = read_table(data, file_name, COLUMNS)
    except UnusableFile as error:
        return SheetReport(file_error=str(error))
    report = SheetReport(ignored_columns=table.ignored_columns)
    lookups = _Lookups()
    for number, raw in table.rows:
        row = parse_row(table, number, raw, lookups)
        if not row.problems:
            _validate(row)
        report.rows.append(row)
    _repeats(report.rows)
    if not report.rows:
        report.file_error = _("Het bestand bevat een kopregel maar geen meldingen.")
    return report


def run_import(data: bytes, file_name: str, *, user, dry_run: bool) -> SheetReport:
    """Preview (dry_run) or import. Nothing is written unless every row is valid."""
    with translation.override("nl"):
        report = parse_sheet(data, file_name)
        if dry_run or not report.ok:
            return report
        with transaction.atomic():
            lock.hold(LOCK, wait=True)
            batch = ReportImport.objects.create(
                user=user, file_name=clean_text(file_name)[:255] or "bestand", row_count=len(report.rows)
            )
            summary = _("Geïmporteerd uit %(file)s") % {"file": batch.file_name}
            for row in report.rows:
                created = _report(row)
                created.import_batch = batch
                created.save()
                created.topics.set(row.topics)
                if row.values["referral"]:
                    referred_to, referred_on = row.values["referral"]
                    Referral.objects.create(report=created, referred_to=referred_to, referred_on=referred_on)
                ReportChange.objects.create(report=created, user=user, summary=summary)
            batch.finished_at = timezone.now()
            batch.save(update_fields=["finished_at"])
            report.batch = batch
    return report


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
    with transaction.atomic():
        try:
            lock.hold(LOCK, wait=False)
        except lock.Busy:
            raise ValueError(_("Er loopt nu een andere import. Wacht tot die klaar is en kijk dan opnieuw.")) from None
        batch = ReportImport.objects.select_for_update().get(pk=batch.pk)
        if blocker := undo_blocker(batch):
            raise ValueError(blocker)
        removed = 0
        for report in batch.reports.all():  # through the ORM: every delete signal runs
            report.delete()
            removed += 1
        batch.status, batch.undone_at, batch.undone_by = ReportImport.Status.UNDONE, timezone.now(), user
        batch.save()
    return removed
