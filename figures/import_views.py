"""Admin views of the quarterly spreadsheet import, in the agenda's shape: choose a file -> preview -> confirm,
the template download, and undo. The file is kept between the steps with `spreadsheets.uploads.KeptUpload` (the
browser holds only a signed token); it holds counts, never anything about a person."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from figures.importing import run_import, template_xlsx, undo_blocker, undo_import
from figures.models import FiguresImport
from figures.views import EDIT, require
from spreadsheets.forms import sheet_form
from spreadsheets.uploads import KeptUpload, kept_upload, token_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = {"page_title": gettext_lazy("Kwartaalcijfers importeren"), "header_icon": "upload"}


SheetForm = sheet_form(
    gettext_lazy("Spreadsheet met kwartaalcijfers"),
    gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per opvang en kwartaal."),
)


@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    require(request, EDIT)
    form = SheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = token_for(KeptUpload.keep(upload), upload.name[:255])
        return redirect(reverse("figures_admin:import_preview") + f"?token={token}")
    batches = FiguresImport.objects.filter(user=request.user)[:10]
    return TemplateResponse(request, "figures/admin/import.html", {**HEADER, "form": form, "batches": batches})


def import_preview(request: HttpRequest) -> HttpResponse:
    require(request, EDIT)
    token = request.GET.get("token", "")
    kept, name = kept_upload(token)
    report = run_import(kept.read(), name, user=request.user, dry_run=True)
    if report.file_error:
        kept.remove()
    return TemplateResponse(
        request, "figures/admin/import.html", {**HEADER, "form": SheetForm(), "report": report, "token": token}
    )


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    require(request, EDIT)
    kept, name = kept_upload(request.POST.get("token", ""))
    report = run_import(kept.read(), name, user=request.user, dry_run=False)
    kept.remove()
    if report.batch is None:
        messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Upload een verbeterd bestand."))
        return TemplateResponse(request, "figures/admin/import.html", {**HEADER, "form": SheetForm(), "report": report})
    n = len(report.rows)
    messages.success(request, ngettext("%(n)s kwartaal geïmporteerd.", "%(n)s kwartalen geïmporteerd.", n) % {"n": n})
    return redirect("figures_admin:import")


@require_POST
def import_undo(request: HttpRequest, batch_id: int) -> HttpResponse:
    require(request, EDIT)
    batches = FiguresImport.objects.all()
    if not request.user.has_perm("figures.view_all_figures"):
        batches = batches.filter(user=request.user)
    batch = get_object_or_404(batches, pk=batch_id)
    blocker = undo_blocker(batch)
    if blocker:
        messages.error(request, blocker)
    else:
        undo_import(batch)
        messages.success(request, _("De import is ongedaan gemaakt."))
    return redirect("figures_admin:import")


def import_template(request: HttpRequest) -> HttpResponse:
    require(request, EDIT)
    response = HttpResponse(template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="kwartaalcijfers.xlsx"'
    return response
