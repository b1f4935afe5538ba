"""Admin views of the quarterly spreadsheet import, in the agenda's shape: choose a file -> preview -> confirm,
the template download, and undo. The file is kept between the steps with `spreadsheets.uploads.KeptUpload` (the browser
holds only a signed token); it holds counts, never anything about a person."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from figures.importing import run_import, template_xlsx, undo_blocker, undo_import
from figures.models import FiguresImport
from figures.views import EDIT, require
from spreadsheets.reading import MAX_FILE_BYTES
from spreadsheets.uploads import ALLOWED_EXTENSIONS, KeptUpload, kept_upload, token_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = {"page_title": gettext_lazy("Kwartaalcijfers importeren"), "header_icon": "upload"}


class SheetForm(forms.Form):
    """The one field of the first step."""

    file = forms.FileField(
        label=gettext_lazy("Spreadsheet met kwartaalcijfers"),
        help_text=gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per opvang en kwartaal."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("Het bestand is te groot (meer dan 10 MB)."))
        return upload


def sheet_form(label: str, help_text: str) -> type[SheetForm]:
    """The same one field (size checked the same way) named for another import (Meldpunt register, subscribers)."""

    class NamedSheetForm(SheetForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["file"].label, self.fields["file"].help_text = label, help_text

    return NamedSheetForm


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
    messages.success(request, _("%(n)s kwartalen geïmporteerd.") % {"n": len(report.rows)})
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
