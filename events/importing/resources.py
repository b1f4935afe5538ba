"""The agenda's django-import-export resource for exports: `EventExportResource` writes the agenda as a sheet with
the import's Dutch headers (so it can be re-imported). Imports validate and write with `bulk.BulkWriter`."""

from __future__ import annotations

from django.db.models import QuerySet
from import_export import fields, resources

from events.models import Event
from spreadsheets.formulas import neutralise_formula
from spreadsheets.writers import write_csv, write_xlsx


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
