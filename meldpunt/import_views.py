"""Admin views of the register import, in the agenda's shape: choose a file -> preview -> confirm, and undo.

Only the Meldpunt group may import (`meldpunt.add_report`); everyone else gets 403. Between the steps the
browser holds a signed token naming a kept copy of the sheet (`KeptSheet`, removed after an hour when nobody goes
on), and that copy holds only the columns we import (`importing.sanitised_copy`): names, V-numbers and phone
numbers are never stored."""

from __future__ import annotations

from django.contrib import messages
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from events.importing.reading import UnusableFile
from events.importing.uploads import kept_upload, token_for
from figures import import_views as figures_import_views
from figures import views as figures_views
from meldpunt.importing import COLUMN_NAMES, KeptSheet, run_import, sanitised_copy, undo_blocker, undo_import
from meldpunt.models import ReportImport

IMPORT_PERMISSION = "meldpunt.add_report"
TEMPLATE = "meldpunt/import/import.html"


class SheetForm(figures_import_views.SheetForm):
    """The figures import's one field (size checked the same way), named for reports."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = gettext_lazy("Spreadsheet met meldingen")
        self.fields["file"].help_text = gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per melding.")


def require(request: HttpRequest) -> None:
    figures_views.require(request, (IMPORT_PERMISSION,))


def _page(request: HttpRequest, context: dict) -> TemplateResponse:
    context = {
        "form": SheetForm(),
        "columns": COLUMN_NAMES.values(),
        "batches": ReportImport.objects.select_related("user")[:10],
        **context,
    }
    return TemplateResponse(request, TEMPLATE, context)


@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    require(request)
    form = SheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            copy = sanitised_copy(upload.read(), upload.name or "")
        except UnusableFile as error:
            form.add_error("file", str(error))
        else:
            kept = KeptSheet.keep(ContentFile(copy, name="meldingen.xlsx"))
            token = token_for(kept, (upload.name or "")[:255])
            return redirect(reverse("meldpunt_import:preview") + f"?token={token}")
    return _page(request, {"form": form})


def import_preview(request: HttpRequest) -> HttpResponse:
    require(request)
    token = request.GET.get("token", "")
    kept, name = kept_upload(token, KeptSheet)
    report = run_import(kept.read(), name, user=request.user, dry_run=True)
    if not report.ok:
        kept.remove()  # it cannot be imported: nothing of it stays
    return _page(request, {"report": report, "token": token if report.ok else "", "file_name": name})


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    require(request)
    kept, name = kept_upload(request.POST.get("token", ""), KeptSheet)
    if "cancel" in request.POST:
        kept.remove()
        messages.success(request, _("De import is geannuleerd; het bestand is verwijderd."))
        return redirect("meldpunt_import:start")
    report = run_import(kept.read(), name, user=request.user, dry_run=False)
    kept.remove()
    if report.batch is None:
        messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Upload een verbeterd bestand."))
        return _page(request, {"report": report, "file_name": name})
    messages.success(request, _("%(n)s meldingen geïmporteerd.") % {"n": len(report.rows)})
    return redirect("meldpunt_import:start")


@require_POST
def import_undo(request: HttpRequest, batch_id: int) -> HttpResponse:
    require(request)
    batch = get_object_or_404(ReportImport, pk=batch_id)
    blocker = undo_blocker(batch)
    if not blocker:
        try:
            removed = undo_import(batch, user=request.user)
        except ValueError as error:
            blocker = str(error)
        else:
            messages.success(request, _("De import is ongedaan gemaakt: %(n)s meldingen verwijderd.") % {"n": removed})
    if blocker:
        messages.error(request, blocker)
    return redirect("meldpunt_import:start")


urlpatterns = [
    path("", import_start, name="start"),
    path("voorbeeld/", import_preview, name="preview"),
    path("bevestigen/", import_confirm, name="confirm"),
    path("<int:batch_id>/ongedaan-maken/", import_undo, name="undo"),
]
