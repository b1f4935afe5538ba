"""Importing the old subscriber list from a spreadsheet, with the shared spreadsheet parts (issue 20, item 5).

Reading is `spreadsheets.reading.read_table` (XLSX/ODS/CSV in any encoding, headers found by name, hostile files
bounded), cells are parsed with `spreadsheets.parsing`, the upload is kept between preview and confirm as a
`KeptList` (a `KeptUpload` in a folder of its own) named by a signed token, and imports and undos hold a lock
(`spreadsheets.lock`). Like the Meldpunt import, only the columns we import are kept (`sanitised_copy`): names,
phone numbers and anything else in the sheet are never stored, and the kept copy is removed when the import is
confirmed or cancelled (abandoned copies after a day by `remove_abandoned_uploads`, run by `newsletter_periodic`).

Each row ends up in one of three states (docs/newsletter.md, "Importing the old list"):

- **imported**: a confirmed subscription (consent was given under the old system), marked with its import and its
  consent date; nobody gets a confirmation mail.
- **skipped** and reported, without blocking the rest: no consent recorded ("overgeslagen: geen toestemming"), no
  or an invalid address, the address is in the file twice (the first row counts) or already subscribed. Those rows
  cannot become a subscription by fixing the file, or only by asking the person again.
- **an error** that blocks the whole import until the file is fixed: an unknown list or language, a consent or date
  value we cannot read. Guessing there would put people on a list they did not choose.

Addresses are personal data: the log gets counts only.
"""

from __future__ import annotations

import datetime
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsletter.models import MailingList, Subscriber, SubscriberImport
from spreadsheets import lock
from spreadsheets.parsing import CellError, clean_text, parse_bool, parse_date
from spreadsheets.reading import ColumnSet, Table, UnusableFile, read_table
from spreadsheets.report import SheetReport as SharedSheetReport
from spreadsheets.uploads import KeptUpload
from spreadsheets.writers import write_xlsx

logger = logging.getLogger("los.newsletter")

LOCK = "newsletter-import"


class KeptList(KeptUpload):
    """The sanitised copy (`sanitised_copy`) between preview and confirm, in a folder of its own: apart from other
    imports' files, so removing abandoned copies needs to know nothing of them."""

    folder = "newsletter-import"


ROW = "row"  # the row number in the editor's own file, carried by the sanitised copy
ROW_HEADER = "_rij_in_bestand"
CHUNK_SIZE = 1_000
MAX_EMAIL_LENGTH = Subscriber._meta.get_field("email").max_length
# What the preview lists row by row (the counts always cover every row): a 20,000-row list stays a usable page.
MAX_SHOWN_PROBLEMS = 300
MAX_SHOWN_SKIPPED = 300
MAX_SHOWN_IMPORTED = 50
MAX_HEADER_SHOWN = 40

COLUMN_NAMES = {
    "email": "E-mailadres",
    "lists": "Lijsten",
    "language": "Taal",
    "consent": "Toestemming",
    "consent_on": "Datum toestemming",
}
ALIASES = {
    "email": ("e-mailadres", "e-mail", "email", "mail", "mailadres", "e-mail address", "email address", "adres"),
    "lists": ("lijsten", "lijst", "nieuwsbrief", "nieuwsbrieven", "lists", "list", "newsletter", "newsletters"),
    "language": ("taal", "language", "lang"),
    "consent": ("toestemming", "consent", "aangemeld op", "aangemeld", "akkoord", "opt-in", "opted in"),
    "consent_on": (
        "datum toestemming",
        "toestemming op",
        "toestemming gegeven op",
        "toestemmingsdatum",
        "consent date",
        "consent given on",
        "consented on",
    ),
    ROW: (ROW_HEADER,),
}
COLUMNS = ColumnSet.from_aliases(
    {**COLUMN_NAMES, ROW: ROW_HEADER},
    ALIASES,
    required=("email", "lists", "consent"),
    no_header_message=gettext_lazy(
        "Geen kopregel gevonden: de eerste regel noemt de kolommen, minstens E-mailadres, Lijsten en Toestemming."
    ),
)
_LIST_SEPARATORS = re.compile(r"[,;/\n|]+")


def sanitised_copy(data: bytes, file_name: str) -> bytes:
    """The sheet with only the columns we import (and the original row numbers), as XLSX: what is kept between
    preview and confirm. Other columns keep their header (shortened), so the preview can say they were ignored,
    but none of their cells (names, phone numbers) is copied. Raises UnusableFile."""
    table = read_table(data, file_name, COLUMNS)
    keys = [key for key in COLUMN_NAMES if key in table.columns]
    ignored = [header[:MAX_HEADER_SHOWN] for header in table.ignored_columns]
    headers = [ROW_HEADER, *(table.column_name(key)[:MAX_HEADER_SHOWN] for key in keys), *ignored]
    # The ignored columns have their header only (empty cells for them in every row made wide copies slow).
    rows = [[number, *(table.cell(raw, key) for key in keys)] for number, raw in table.rows]
    return write_xlsx(headers, rows, sheet_title="Abonnees")


@dataclass
class SheetRow:
    """One row: its number in the editor's file, the subscription it becomes, or why not."""

    number: int
    email: str = ""
    lists: list[MailingList] = field(default_factory=list)
    language: str = ""
    consent_on: datetime.date | None = None
    problems: list[str] = field(default_factory=list)  # errors: nothing is imported until they are fixed
    skipped: str = ""  # why this row is left out (reported, not an error)

    @property
    def imported(self) -> bool:
        return not self.problems and not self.skipped


@dataclass
class SheetReport(SharedSheetReport):
    """The shared report with the rows left out (reported, not errors) and the preview's sample of rows."""

    @property
    def to_import(self) -> list[SheetRow]:
        return [row for row in self.rows if row.imported]

    @property
    def skipped_count(self) -> int:
        return sum(1 for row in self.rows if row.skipped)

    @property
    def ok(self) -> bool:
        """Nothing blocks the import and there is something to import."""
        return not self.file_error and not self.problem_count and bool(self.to_import)

    @property
    def shown_rows(self) -> list[SheetRow]:
        """The rows the preview lists: errors and skipped rows first in number, then a sample of the imported."""
        problems = [row for row in self.rows if row.problems][:MAX_SHOWN_PROBLEMS]
        skipped = [row for row in self.rows if row.skipped][:MAX_SHOWN_SKIPPED]
        imported = self.to_import[:MAX_SHOWN_IMPORTED]
        return sorted(problems + skipped + imported, key=lambda row: row.number)

    @property
    def hidden_count(self) -> int:
        return len(self.rows) - len(self.shown_rows)


class _Lookups:
    """What the cells are matched against, loaded once per file."""

    def __init__(self) -> None:
        self.lists: dict[str, MailingList] = {}
        for mailing_list in MailingList.objects.all():
            self.lists[mailing_list.name.casefold()] = mailing_list
            self.lists[mailing_list.slug.casefold()] = mailing_list
        self.list_names = ", ".join(sorted({mailing_list.name for mailing_list in self.lists.values()}))
        self.languages: dict[str, str] = {}
        for code, own_name in settings.LANGUAGES:
            words = [code, own_name]
            try:  # a LOS_LANGUAGES code Django has no names for is matched by its code and own name only
                with translation.override("nl"):
                    info = translation.get_language_info(code)
                words += [info["name"], info["name_local"], info["name_translated"]]
            except KeyError:
                pass
            self.languages.update({str(word).casefold(): code for word in words})
        self.language_names = ", ".join(code for code, _name in settings.LANGUAGES)
        # The unique constraint compares lower-cased addresses: so does the check for addresses already subscribed.
        self.subscribed = set(Subscriber.objects.values_list(Lower("email"), flat=True))


def _consent(row: SheetRow, table: Table, raw: list[Any]) -> bool:
    """Whether the row records consent: yes/no, or the date of consent (which counts as yes)."""
    value = table.cell(raw, "consent")
    if isinstance(value, datetime.date | datetime.datetime):
        row.consent_on = parse_date(value)
        return True
    try:
        return parse_bool(value)
    except CellError:
        pass
    try:
        row.consent_on = parse_date(value)
    except CellError:
        row.problems.append(
            _("kolom %(column)s: '%(value)s' begrijpen we niet; schrijf ja, nee of de datum van de toestemming")
            % {"column": table.column_name("consent"), "value": clean_text(value)[:40]}
        )
        return False
    return row.consent_on is not None


def _consent_date(row: SheetRow, table: Table, raw: list[Any]) -> None:
    column = table.column_name("consent_on") if "consent_on" in table.columns else table.column_name("consent")
    try:
        row.consent_on = parse_date(table.cell(raw, "consent_on")) or row.consent_on
    except CellError as error:
        row.problems.append(_("kolom %(column)s: %(error)s") % {"column": column, "error": error})
        return
    if row.consent_on and row.consent_on > timezone.localdate():
        row.problems.append(_("kolom %(column)s: ligt in de toekomst") % {"column": column})


def _lists(row: SheetRow, table: Table, raw: list[Any], lookups: _Lookups) -> None:
    column = table.column_name("lists")
    for word in _LIST_SEPARATORS.split(clean_text(table.cell(raw, "lists"), multiline=True)):
        if not (word := word.strip()):
            continue
        mailing_list = lookups.lists.get(word.casefold())
        if mailing_list is None:
            row.problems.append(
                _("kolom %(column)s: lijst '%(value)s' kennen we niet; kies uit %(known)s")
                % {"column": column, "value": word[:40], "known": lookups.list_names}
            )
        elif mailing_list not in row.lists:
            row.lists.append(mailing_list)
    if not row.lists and not row.problems:
        row.problems.append(
            _("kolom %(column)s: vul minstens één lijst in (%(known)s)")
            % {"column": column, "known": lookups.list_names}
        )


def _language(row: SheetRow, table: Table, raw: list[Any], lookups: _Lookups) -> None:
    text = clean_text(table.cell(raw, "language"))
    row.language = lookups.languages.get(text.casefold(), "") if text else settings.LANGUAGE_CODE
    if not row.language:
        row.problems.append(
            _("kolom %(column)s: taal '%(value)s' kennen we niet; kies uit %(known)s")
            % {"column": table.column_name("language"), "value": text[:40], "known": lookups.language_names}
        )


def parse_row(table: Table, number: int, raw: list[Any], lookups: _Lookups, seen: dict[str, int]) -> SheetRow:
    """One row into a subscription, a reason to skip it, or errors (named by column, in the editor's words)."""
    row = SheetRow(_row_number(table.cell(raw, ROW), number))
    row.email = clean_text(table.cell(raw, "email"))
    consent = _consent(row, table, raw)
    if row.problems:
        return row
    key = row.email.lower()
    if not consent:
        row.skipped = _("overgeslagen: geen toestemming")
    elif not row.email:
        row.skipped = _("overgeslagen: geen e-mailadres")
    elif len(row.email) > MAX_EMAIL_LENGTH or not _valid_email(row.email):
        row.skipped = _("overgeslagen: ongeldig e-mailadres")
    elif key in seen:
        row.skipped = _("overgeslagen: dit adres staat ook in rij %(row)s") % {"row": seen[key]}
    elif key in lookups.subscribed:
        row.skipped = _("overgeslagen: dit adres is al aangemeld")
    if row.skipped:
        row.email = row.email[:MAX_EMAIL_LENGTH]  # shown in the preview: a 100,000-character cell is not
        return row
    seen[key] = row.number
    _lists(row, table, raw, lookups)
    _language(row, table, raw, lookups)
    _consent_date(row, table, raw)
    return row


def _row_number(kept: Any, number: int) -> int:
    """The row's number in the editor's file (the sanitised copy carries it), else its number in this file."""
    try:
        return int(kept) if kept not in (None, "") else number
    except (TypeError, ValueError):
        return number


def _valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def parse_sheet(data: bytes, file_name: str) -> SheetReport:
    try:
        table = read_table(data, file_name, COLUMNS)
    except UnusableFile as error:
        return SheetReport(file_error=str(error))
    report = SheetReport(ignored_columns=[header[:MAX_HEADER_SHOWN] for header in table.ignored_columns])
    lookups = _Lookups()
    seen: dict[str, int] = {}
    report.rows = [parse_row(table, number, raw, lookups, seen) for number, raw in table.rows]
    if not report.rows:
        report.file_error = _("Het bestand bevat een kopregel maar geen adressen.")
    return report


def _consent_at(day: datetime.date | None) -> datetime.datetime | None:
    """The day of consent as the start of that day in the site's time zone (the old list knew days, not times)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time())) if day else None


def _write(report: SheetReport, file_name: str, user) -> SubscriberImport:
    rows = report.to_import
    batch = SubscriberImport.objects.create(
        user=user,
        file_name=clean_text(file_name)[:255] or "bestand",
        imported_count=len(rows),
        skipped_count=report.skipped_count,
    )
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=row.email,
                language=row.language,
                consent_at=_consent_at(row.consent_on),
                confirmed_at=now,  # consent was given under the old system: no confirmation mail
                source=Subscriber.Source.IMPORT,
                import_batch=batch,
            )
            for row in rows
        ],
        batch_size=CHUNK_SIZE,
    )
    through = Subscriber.lists.through
    through.objects.bulk_create(
        [
            through(subscriber_id=subscriber.pk, mailinglist_id=mailing_list.pk)
            for subscriber, row in zip(subscribers, rows, strict=True)
            for mailing_list in row.lists
        ],
        batch_size=CHUNK_SIZE,
    )
    # After every write: whatever changes a subscriber from now on (updated_at) happened after the import.
    batch.finished_at = timezone.now()
    batch.save(update_fields=["finished_at"])
    return batch


def run_import(data: bytes, file_name: str, *, user, dry_run: bool) -> SheetReport:
    """Preview (dry_run) or import. Nothing is written unless no row has an error; all rows or none."""
    if dry_run:
        return parse_sheet(data, file_name)
    try:
        with transaction.atomic():
            lock.hold(LOCK, wait=True)
            # Parsed again under the lock: "already subscribed" is what is committed now, not at the preview.
            report = parse_sheet(data, file_name)
            if report.ok:
                report.batch = _write(report, file_name, user)
    except lock.Busy:
        return SheetReport(file_error=_("Er loopt nu een andere import. Wacht tot die klaar is en probeer opnieuw."))
    except IntegrityError:
        # Someone subscribed through the form with an address from the file while it was being written.
        return SheetReport(
            file_error=_(
                "Tijdens het importeren meldde iemand zich aan met een adres uit je bestand. Er is niets "
                "geïmporteerd; upload het bestand opnieuw."
            )
        )
    if batch := report.batch:
        counts = (batch.imported_count, batch.skipped_count)
        logger.info("newsletter import %s: %d imported, %d skipped", batch.pk, *counts)
    return report


def remove_abandoned_uploads() -> int:
    """Remove kept copies nobody confirmed or cancelled once they are a day old; how many. The sanitised copies
    hold addresses, so `newsletter_periodic` does this whether or not anyone imports."""
    return KeptList.remove_stale(set())
