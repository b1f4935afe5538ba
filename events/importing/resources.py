"""The agenda's django-import-export resources: `EventResource` validates and writes parsed rows in bulk,
`EventExportResource` writes the agenda as a sheet with the import's Dutch headers (so it can be re-imported)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from import_export import fields, resources, widgets
from wagtail.models import Locale

from events.importing.columns import IMPORT_FIELDS, column_field
from events.importing.report import RowOutcome
from events.importing.rows import ParsedRow
from events.importing.writers import write_csv, write_xlsx
from events.models import Event, ImportBatch, source_language
from security.spreadsheets import neutralise_formula

CHUNK_SIZE = 1_000
# The dataset column that ties a dataset row to its ParsedRow (the resource reads everything else from that).
ROW_INDEX = "__row"


class PassThroughWidget(widgets.Widget):
    """Values arrive parsed (dates as aware datetimes, text trimmed); the resource only assigns them."""

    def clean(self, value, row=None, **kwargs):
        return value

    def render(self, value, obj=None, **kwargs):
        return value


class EventResource(resources.ModelResource):
    """Imports parsed agenda rows: matches existing events, validates them and writes them in bulk."""

    def __init__(
        self,
        *,
        rows: list[ParsedRow],
        existing: dict[tuple, Event],
        snapshots: dict[int, dict[str, Any]],
        batch: ImportBatch | None = None,
    ):
        super().__init__()
        self.parsed_rows = rows
        self.existing = existing
        self.snapshots = snapshots
        self.batch = batch
        self.source_locale = Locale.objects.get(language_code=source_language())
        for name in IMPORT_FIELDS:
            self.fields[name].widget = PassThroughWidget()
        self._import_fields = super().get_import_fields()

    class Meta:
        model = Event
        fields = IMPORT_FIELDS
        import_id_fields = ["external_id"]
        use_bulk = True
        batch_size = CHUNK_SIZE
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        clean_model_instances = True
        store_instance = True
        # No deep copy and diff per row (they halve the speed): unchanged rows are found by comparing with the
        # snapshot taken of each matched event before the import (see skip_row).
        skip_diff = True

    @classmethod
    def get_row_result_class(cls):
        """The report's own rows: the library's RowResult plus the spreadsheet row number and problems."""
        return RowOutcome

    def get_import_fields(self):
        return self._import_fields

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged: an existing event whose imported fields all equal their values before the import."""
        if import_validation_errors or instance.pk is None:
            return False
        before = self.snapshots.get(instance.pk)
        return before is not None and all(before[name] == getattr(instance, name) for name in IMPORT_FIELDS)

    def get_instance(self, instance_loader, row):
        parsed = self.parsed_rows[row[ROW_INDEX]]
        return self.existing.get(parsed.match_key) if parsed.match_key else None

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        parsed = self.parsed_rows[row[ROW_INDEX]]
        for key, messages in parsed.errors.items():
            errors.setdefault(column_field(key), []).extend(ValidationError(m) for m in messages)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Uniqueness is decided by matching, never by one query per row. Dates, times, the all-day flag and the
        # language come out of our own parser already valid; full_clean still runs Event.clean (end >= start).
        errors = dict(import_validation_errors or {})
        exclude = [*errors, "all_day", "language"]
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        if self.batch is not None:
            instance.import_batch = self.batch
        if instance.pk is None:
            # Imports make Dutch originals; bulk_create sends no pre_save, where Wagtail would set the locale.
            instance.locale = self.source_locale

    def get_bulk_update_fields(self):
        return [*IMPORT_FIELDS, "import_batch", "updated_at"]

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        now = timezone.now()
        for instance in self.update_instances:
            instance.updated_at = now
        super().bulk_update(using_transactions, dry_run, raise_errors, batch_size=batch_size, result=result)


class EventExportResource(resources.ModelResource):
    """The agenda as a spreadsheet with the import's Dutch headers, so an export can be edited and re-imported."""

    kenmerk = fields.Field(column_name="Kenmerk", attribute="external_id")
    titel = fields.Field(column_name="Titel", attribute="title")
    datum = fields.Field(column_name="Datum")
    begintijd = fields.Field(column_name="Begintijd")
    einddatum = fields.Field(column_name="Einddatum")
    eindtijd = fields.Field(column_name="Eindtijd")
    locatie = fields.Field(column_name="Locatie", attribute="location")
    adres = fields.Field(column_name="Adres", attribute="address")
    plaats = fields.Field(column_name="Plaats", attribute="city")
    organisatie = fields.Field(column_name="Organisatie", attribute="organiser")
    omschrijving = fields.Field(column_name="Omschrijving", attribute="description")
    website = fields.Field(column_name="Website", attribute="registration_url")
    online = fields.Field(column_name="Online link", attribute="online_url")
    doelgroep = fields.Field(column_name="Doelgroep", attribute="audience")
    taal = fields.Field(column_name="Taal", attribute="language")

    class Meta:
        model = Event
        fields = (
            "kenmerk",
            "titel",
            "datum",
            "begintijd",
            "einddatum",
            "eindtijd",
            "locatie",
            "adres",
            "plaats",
            "organisatie",
            "omschrijving",
            "website",
            "online",
            "doelgroep",
            "taal",
        )
        export_order = fields

    def dehydrate_datum(self, event: Event) -> str:
        return event.local_start.strftime("%d-%m-%Y")

    def dehydrate_begintijd(self, event: Event) -> str:
        return "" if event.all_day else event.local_start.strftime("%H:%M")

    def dehydrate_einddatum(self, event: Event) -> str:
        end = event.local_end
        return end.strftime("%d-%m-%Y") if end and end.date() != event.local_start.date() else ""

    def dehydrate_eindtijd(self, event: Event) -> str:
        end = event.local_end
        return "" if not end or event.all_day else end.strftime("%H:%M")

    def export_field(self, field, instance, **kwargs):
        return neutralise_formula(super().export_field(field, instance, **kwargs))


def export_events(queryset: QuerySet[Event], file_format: str) -> bytes:
    """The events as CSV (UTF-8 with BOM, semicolons, as Dutch Excel expects) or XLSX, formulas neutralised."""
    dataset = EventExportResource().export(queryset=queryset)
    if file_format == "xlsx":
        return write_xlsx(dataset.headers, list(dataset))
    return write_csv(dataset.headers, list(dataset))
