"""Admin views of the register import, in the agenda's shape: choose a file -> preview -> confirm, and undo.

Only the Meldpunt group may import (`meldpunt.add_report`); everyone else gets 403. Between the steps the
browser holds a signed token naming a kept copy of the sheet (`KeptSheet`, removed after an hour when nobody goes
on), and that copy holds only the columns we import (`importing.sanitised_copy`): names, V-numbers and phone
numbers are never stored."""

from __future__ import annotations

from django.utils.translation import gettext_lazy, ngettext

from meldpunt.importing import COLUMN_NAMES, KeptSheet, run_import, sanitised_copy, undo_blocker, undo_import
from meldpunt.models import ReportImport
from spreadsheets.forms import sheet_form
from spreadsheets.import_views import ImportViews

IMPORT_PERMISSION = "meldpunt.add_report"


SheetForm = sheet_form(
    gettext_lazy("Spreadsheet met meldingen"),
    gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per melding."),
)


def _imported(report) -> str:
    n = len(report.rows)
    return ngettext("%(n)s melding geïmporteerd.", "%(n)s meldingen geïmporteerd.", n) % {"n": n}


def _undone(removed: int) -> str:
    return ngettext(
        "De import is ongedaan gemaakt: %(n)s melding verwijderd.",
        "De import is ongedaan gemaakt: %(n)s meldingen verwijderd.",
        removed,
    ) % {"n": removed}


flow = ImportViews(
    namespace="meldpunt_import",
    permissions=(IMPORT_PERMISSION,),
    template="meldpunt/import/import.html",
    title=gettext_lazy("Meldingen importeren"),
    form_class=SheetForm,
    kind=KeptSheet,
    copy_name="meldingen.xlsx",
    sanitised_copy=sanitised_copy,
    run_import=run_import,
    undo_blocker=undo_blocker,
    undo_import=undo_import,
    batches=lambda _request: ReportImport.objects.select_related("user"),
    confirmed_message=_imported,
    undone_message=_undone,
    failed_message=gettext_lazy("Er is niets geïmporteerd: het bestand bevat fouten. Upload een verbeterd bestand."),
    page_context=lambda: {"columns": COLUMN_NAMES.values()},
)
