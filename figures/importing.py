"""The quarterly spreadsheet: one row per shelter and quarter, imported with the shared spreadsheet parts.

Reading is `spreadsheets.reading.read_table` (any XLSX/ODS/CSV, headers found by name);
validating and writing is django-import-export's (`FiguresResource`, a `ModelResource` that runs the model's
`full_clean`, so a breakdown that does not add up is a row error with the reason). Like the agenda import: a
preview is the same run rolled back, any problem means nothing is written, and a finished import can be undone
(the figures it added are removed, those it replaced get their previous values back). Imports and undos hold
one lock (`spreadsheets.lock`), so they never interleave.

Columns: Opvang, Jaar, Kwartaal, the three totals, and one column per category named "<breakdown>: <category>"
(`template_xlsx()` writes them all). Coordinators can only import rows for the shelters they coordinate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import tablib
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export import resources, widgets

from figures.categories import DIMENSIONS, TOTALS
from figures.models import FiguresHistory, FiguresImport, QuarterFigures, Shelter
from figures.models.figures import MAX_COUNT, Source
from spreadsheets import lock
from spreadsheets.parsing import clean_text
from spreadsheets.reading import ColumnSet, UnusableFile, read_table
from spreadsheets.report import SheetReport
from spreadsheets.undo import undoing
from spreadsheets.writers import write_xlsx

LOCK = "figures-import"
FIELDS = ["shelter", "year", "quarter", *TOTALS, "breakdowns"]


def _columns() -> dict[str, str]:
    with translation.override("nl"):
        names = {"shelter": "Opvang", "year": "Jaar", "quarter": "Kwartaal"}
        names |= {key: str(label) for key, label in TOTALS.items()}
        for dimension in DIMENSIONS:
            names |= {
                f"{dimension.key}:{key}": f"{dimension.label}: {label}" for key, label in dimension.categories.items()
            }
    return names


COLUMN_NAMES = _columns()
COLUMNS = ColumnSet.from_aliases(
    COLUMN_NAMES,
    {key: (name, key) for key, name in COLUMN_NAMES.items()},
    required=("shelter", "year", "quarter"),
    no_header_message="Geen kopregel gevonden: de eerste regel noemt Opvang, Jaar, Kwartaal en de aantallen.",
)


def template_xlsx() -> bytes:
    """An empty sheet with every column, to fill in."""
    return write_xlsx(list(COLUMN_NAMES.values()), [], sheet_title="Kwartaalcijfers")


class PassThrough(widgets.Widget):
    """Values arrive parsed; the resource only assigns them."""

    def clean(self, value, row=None, **kwargs):
        return value


class FiguresResource(resources.ModelResource):
    """Validates (the model's full_clean) and writes one quarter per row; keeps what undo needs."""

    def __init__(self, user=None):
        super().__init__()
        for name in FIELDS[1:]:  # the shelter keeps its ForeignKeyWidget (by id)
            self.fields[name].widget = PassThrough()
        self.user = user
        self.previous: dict[str, dict] = {}

    class Meta:
        model = QuarterFigures
        fields = FIELDS
        import_id_fields = ["shelter", "year", "quarter"]
        clean_model_instances = True
        skip_diff = True
        store_instance = True

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk:  # a correction: the figures as they were go to the history, and to the undo data
            old = QuarterFigures.objects.get(pk=instance.pk)
            self.previous[str(instance.pk)] = {**old.values(), "source": old.source, "batch": old.import_batch_id}
            FiguresHistory.objects.create(figures=old, values=old.values(), source=old.source, replaced_by=self.user)
        instance.source, instance.updated_by, instance.updated_at = Source.SHEET, self.user, timezone.now()


@dataclass
class SheetRow:
    """One spreadsheet row: its number as the spreadsheet shows it, what it holds, and what is wrong with it."""

    number: int
    shelter: Shelter | None = None
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    status: str = ""  # new, changed, invalid

    @property
    def period(self) -> str:
        return f"{self.values.get('year', '?')} Q{self.values.get('quarter', '?')}"


def _count(value: Any) -> int:
    text = clean_text(value) if not isinstance(value, int | float) else value
    if text in ("", None):
        return 0
    number = float(text) if isinstance(text, int | float) else float(str(text).replace(",", "."))
    if number != int(number) or not 0 <= number <= MAX_COUNT:
        raise ValueError
    return int(number)


def parse_rows(data: bytes, file_name: str, shelters: dict[str, Shelter]) -> SheetReport:
    """Read the sheet; every value checked and converted, every problem named by row and column."""
    try:
        table = read_table(data, file_name, COLUMNS)
    except UnusableFile as error:
        return SheetReport(file_error=str(error))
    report = SheetReport()
    seen: dict[tuple, int] = {}
    for number, raw in table.rows:
        row = SheetRow(number)
        name = clean_text(table.cell(raw, "shelter")).casefold()
        row.shelter = shelters.get(name)
        if row.shelter is None:
            row.problems.append(_("kolom Opvang: onbekende opvang, of niet een van jouw opvangen"))
        counts: dict[str, int] = {}
        for key in COLUMN_NAMES:
            if key == "shelter":
                continue
            try:
                counts[key] = _count(table.cell(raw, key))
            except (ValueError, TypeError, OverflowError):
                row.problems.append(
                    _("kolom %(column)s: geen heel getal van 0 of meer") % {"column": table.column_name(key)}
                )
        if not 1 <= counts.get("quarter", 0) <= 4:
            row.problems.append(_("kolom Kwartaal: 1, 2, 3 of 4"))
        row.values = {
            "year": counts.get("year", 0),
            "quarter": counts.get("quarter", 0),
            **{key: counts.get(key, 0) for key in TOTALS},
            "breakdowns": {
                dimension.key: {
                    category: counts[f"{dimension.key}:{category}"]
                    for category in dimension.categories
                    if counts.get(f"{dimension.key}:{category}")
                }
                for dimension in DIMENSIONS
            },
        }
        identity = (getattr(row.shelter, "pk", None), row.values["year"], row.values["quarter"])
        if row.shelter is not None and identity in seen:
            row.problems.append(_("dit kwartaal van deze opvang staat ook in rij %(row)s") % {"row": seen[identity]})
        seen.setdefault(identity, number)
        report.rows.append(row)
    if not report.rows:
        report.file_error = _("Het bestand bevat een kopregel maar geen cijfers.")
    return report


def run_import(data: bytes, file_name: str, *, user, dry_run: bool) -> SheetReport:
    """Preview (dry_run) or import. Nothing is written unless every row is valid."""
    with translation.override("nl"):
        shelters = {shelter.name.casefold(): shelter for shelter in Shelter.objects.for_user(user).participating()}
        report = parse_rows(data, file_name, shelters)
        if report.file_error:
            return report
        importable = [row for row in report.rows if not row.problems]
        dataset = tablib.Dataset(headers=FIELDS)
        for row in importable:
            dataset.append([row.shelter.pk, *(row.values[name] for name in FIELDS[1:])])
        resource = FiguresResource(user=user)
        with transaction.atomic():
            if not dry_run:
                lock.hold(LOCK, wait=True)  # two confirmations of one quarter: the second sees the first's figures
            result = resource.import_data(dataset, dry_run=dry_run, use_transactions=False, raise_errors=False)
            for row, outcome in zip(importable, result.rows, strict=True):
                if outcome.validation_error is not None:
                    row.problems += [m for messages in outcome.validation_error.message_dict.values() for m in messages]
                elif outcome.errors:
                    row.problems.append(str(outcome.errors[0].error))
                else:
                    row.status = "changed" if outcome.import_type == "update" else "new"
            for row in report.rows:
                row.status = "invalid" if row.problems else row.status
            if dry_run or not report.ok:
                transaction.set_rollback(True)
                return report
            created = [outcome.object_id for outcome in result.rows if outcome.import_type == "new"]
            batch = FiguresImport.objects.create(
                user=user,
                file_name=clean_text(file_name)[:255] or "bestand",
                created_ids=created,
                previous_values=resource.previous,
                finished_at=timezone.now(),
            )
            QuarterFigures.objects.filter(pk__in=[outcome.object_id for outcome in result.rows]).update(
                import_batch=batch
            )
            report.batch = batch
        return report


def undo_blocker(batch: FiguresImport) -> str:
    if batch.status != FiguresImport.Status.DONE:
        return _("Deze import is al ongedaan gemaakt.")
    touched = {int(pk) for pk in batch.created_ids} | {int(pk) for pk in batch.previous_values}
    if (
        QuarterFigures.objects.filter(pk__in=touched, updated_at__gt=batch.created_at)
        .exclude(import_batch=batch)
        .exists()
    ):
        return _("Cijfers uit deze import zijn daarna nog veranderd. Verbeter ze met het formulier.")
    return ""


def undo_import(batch: FiguresImport, *, user) -> None:
    """Remove the figures the import added; put back the values of those it replaced."""
    with undoing(batch, lock_name=LOCK, blocker=undo_blocker, user=user) as batch:
        QuarterFigures.objects.filter(pk__in=[int(pk) for pk in batch.created_ids]).delete()
        for figures in QuarterFigures.objects.filter(pk__in=[int(pk) for pk in batch.previous_values]):
            previous = batch.previous_values[str(figures.pk)]
            for name in (*TOTALS, "breakdowns", "source"):
                setattr(figures, name, previous[name])
            figures.import_batch_id = previous.get("batch")
            figures.updated_at = timezone.now()
            figures.save()
