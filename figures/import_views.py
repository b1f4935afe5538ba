"""Admin views of the quarterly spreadsheet import: the shared flow of `spreadsheets.import_views` (choose a file ->
preview -> confirm, and undo) plus the template download. The file holds counts, never anything about a person,
so it is kept between the steps as uploaded."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from figures.importing import run_import, template_xlsx, undo_blocker, undo_import
from figures.models import FiguresImport
from figures.views import EDIT, require
from security.downloads import file_response
from spreadsheets.forms import sheet_form
from spreadsheets.import_views import ImportViews

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _batches(request: HttpRequest):
    """A coordinator sees and undoes their own imports; who sees all shelters' figures sees all imports."""
    batches = FiguresImport.objects.select_related("user")
    if request.user.has_perm("figures.view_all_figures"):
        return batches
    return batches.filter(user=request.user)


def _imported(report) -> str:
    n = len(report.rows)
    return ngettext("%(n)s kwartaal geïmporteerd.", "%(n)s kwartalen geïmporteerd.", n) % {"n": n}


flow = ImportViews(
    namespace="figures_import",
    permissions=EDIT,
    template="figures/admin/import.html",
    title=gettext_lazy("Kwartaalcijfers importeren"),
    form_class=sheet_form(
        gettext_lazy("Spreadsheet met kwartaalcijfers"),
        gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per opvang en kwartaal."),
    ),
    run_import=run_import,
    batches=_batches,
    undo_blocker=undo_blocker,
    undo_import=undo_import,
    confirmed_message=_imported,
    undone_message=lambda _result: _("De import is ongedaan gemaakt."),
    failed_message=gettext_lazy("Er is niets geïmporteerd: het bestand bevat fouten. Upload een verbeterd bestand."),
)


def import_template(request: HttpRequest) -> HttpResponse:
    require(request, EDIT)
    return file_response(template_xlsx(), "kwartaalcijfers.xlsx", XLSX)
