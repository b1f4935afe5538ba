"""Admin views of "Agenda importeren", in the shape of Wagtail's redirects import: choose a file -> preview ->
confirm -> summary, plus the template and rejected-rows downloads, the import history with undo, and export.

The uploaded file is kept between the steps by `spreadsheets.uploads` (django-import-export's MediaStorage);
the browser only ever holds a signed token for it. Every view checks model permissions; the views only call
`events.importing`, which holds the logic.
"""

from __future__ import annotations

import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from events.importing import background
from events.importing.columns import COLUMNS, template_xlsx
from events.importing.engine import analyse_file, file_name_for, run_import, undo_import
from events.importing.resources import export_events
from events.models import Event, ImportBatch
from security.downloads import file_response
from security.query_params import page_number
from spreadsheets import reading
from spreadsheets.forms import sheet_form
from spreadsheets.report import STATUS_LABELS
from spreadsheets.undo import UndoNotPossible, later_changes, undo_blocker
from spreadsheets.uploads import KeptUpload, kept_upload, token_for, token_path
from spreadsheets.writers import write_csv, write_xlsx

IMPORT_PERMISSIONS = ("events.add_importbatch", "events.add_event", "events.change_event")
HISTORY_PERMISSIONS = ("events.view_importbatch",)
UNDO_PERMISSIONS = ("events.undo_importbatch", "events.delete_event", "events.change_event")
EXPORT_PERMISSIONS = ("events.view_event",)

PREVIEW_ROWS = 300
UNDO_CHANGES_SHOWN = 100


def _require(request: HttpRequest, permissions: tuple[str, ...]) -> None:
    if not request.user.is_authenticated or not request.user.has_perms(permissions):
        raise PermissionDenied


UploadForm = sheet_form(
    gettext_lazy("Spreadsheet"),
    gettext_lazy(
        "Een Excel-bestand (.xlsx), LibreOffice-bestand (.ods) of tekstbestand (.csv, .tsv, .txt), hoogstens 10 MB."
    ),
)


# Stored uploads ------------------------------------------------------------------------------------------------


def _store_upload(upload) -> str:
    KeptUpload.remove_stale(
        in_use=set(ImportBatch.objects.exclude(stored_file="").values_list("stored_file", flat=True))
    )
    return token_for(KeptUpload.keep(upload), file_name_for(upload.name))


def _header(subtitle: str = "") -> dict:
    """The header of the import's pages (templates/editors/admin/page.html)."""
    return {"page_title": _("Agenda importeren"), "page_subtitle": subtitle, "header_icon": "upload"}


# The flow --------------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    _require(request, IMPORT_PERMISSIONS)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = _store_upload(form.cleaned_data["file"])
        return redirect(reverse("events_admin:preview") + f"?token={token}")
    return TemplateResponse(
        request,
        "events/admin/import_start.html",
        {**_header(), "form": form, "columns": COLUMNS.values(), "max_rows": reading.MAX_ROWS},
    )


def import_preview(request: HttpRequest) -> HttpResponse:
    _require(request, IMPORT_PERMISSIONS)
    token = request.GET.get("token", "")
    kept, original = kept_upload(token)
    report = run_import(kept.read(), original, dry_run=True)
    if report.file_error:
        kept.remove()
        form = UploadForm()
        return TemplateResponse(
            request,
            "events/admin/import_start.html",
            {
                **_header(),
                "form": form,
                "file_error": report.file_error,
                "columns": COLUMNS.values(),
                "max_rows": reading.MAX_ROWS,
            },
            status=200,
        )
    shown = [row for row in report.rows if row.status in ("invalid", "duplicate")]
    others = [row for row in report.rows if row.status not in ("invalid", "duplicate")]
    shown = sorted(shown + others[: max(0, PREVIEW_ROWS - len(shown))], key=lambda row: row.number)
    return TemplateResponse(
        request,
        "events/admin/import_preview.html",
        {
            **_header(_("Voorbeeld")),
            "report": report,
            "rows": shown,
            "hidden_rows": len(report.rows) - len(shown),
            "token": token,
            "counts": report.counts,
            "background": len(report.rows) > background.BACKGROUND_THRESHOLD,
            "status_labels": STATUS_LABELS,
        },
    )


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the previewed file. Idempotent: a second confirmation of the same upload (a double click, the back
    button) shows the import the first one made instead of importing again."""
    _require(request, IMPORT_PERMISSIONS)
    token = request.POST.get("token", "")
    earlier = _earlier_import(request, token_path(token))
    if earlier is not None:
        return earlier
    kept, original = kept_upload(token)
    if "cancel" in request.POST:
        kept.remove()
        messages.info(request, _("De import is geannuleerd. Er is niets veranderd."))
        return redirect("events_admin:import")
    data = kept.read()
    _table, rows, error = analyse_file(data, original)
    if not error and len(rows) > background.BACKGROUND_THRESHOLD:
        batch, created = ImportBatch.objects.get_or_create(
            upload=kept.path,
            defaults={
                "user": request.user,
                "file_name": original,
                "stored_file": kept.path,
                "total_rows": len(rows),
                "status": ImportBatch.Status.QUEUED,
            },
        )
        if created:
            background.run_import_task.enqueue(batch.pk)
        return redirect("events_admin:batch", batch.pk)
    report = run_import(data, original, dry_run=False, user=request.user, upload=kept.path)
    if report.earlier is not None:
        return _earlier_import(request, kept.path)
    if report.file_error:  # another import or undo kept the agenda busy: the file stays, to try again
        messages.error(request, report.file_error)
        return redirect(reverse("events_admin:preview") + f"?token={token}")
    kept.remove()
    if not report.written:
        messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Upload een verbeterd bestand."))
        return TemplateResponse(
            request,
            "events/admin/import_summary.html",
            {**_header(_("Niet uitgevoerd")), "report": report, "batch": None, "status_labels": STATUS_LABELS},
        )
    messages.success(
        request,
        _("Import klaar: %(new)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd.")
        % {"new": report.count("new"), "changed": report.count("changed"), "unchanged": report.count("unchanged")},
    )
    return redirect("events_admin:batch", report.batch.pk)


def _earlier_import(request: HttpRequest, path: str) -> HttpResponse | None:
    """The summary of the import already made from the upload `path`, if there is one."""
    batch = ImportBatch.objects.filter(upload=path).first() if path else None
    if batch is None:
        return None
    messages.info(request, _("Dit bestand is al geïmporteerd (één keer). Hieronder zie je die import."))
    return redirect("events_admin:batch", batch.pk)


def rejected_rows(request: HttpRequest) -> HttpResponse:
    """The invalid rows of a previewed file, as they were plus a 'Probleem' column, to fix and upload again."""
    _require(request, IMPORT_PERMISSIONS)
    kept, original = kept_upload(request.GET.get("token", ""))
    report = run_import(kept.read(), original, dry_run=True)
    if report.file_error or not report.invalid_rows:
        raise Http404(_("Dit bestand heeft geen afgekeurde rijen."))
    headers, rows = report.rejected_rows()
    stem = os.path.splitext(original)[0][:80] or "agenda"
    if request.GET.get("format") == "csv":
        return file_response(write_csv(headers, rows), f"{stem}-afgekeurd.csv", "text/csv; charset=utf-8")
    return file_response(write_xlsx(headers, rows), f"{stem}-afgekeurd.xlsx", XLSX)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_download(request: HttpRequest) -> HttpResponse:
    _require(request, IMPORT_PERMISSIONS)
    return file_response(template_xlsx(), "sjabloon-agenda.xlsx", XLSX)


# History, progress and undo ----------------------------------------------------------------------------------


def history(request: HttpRequest) -> HttpResponse:
    _require(request, HISTORY_PERMISSIONS)
    paginator = Paginator(ImportBatch.objects.select_related("user", "undone_by"), 25)
    page_obj = paginator.get_page(page_number(request.GET.get("p")))
    return TemplateResponse(
        request,
        "events/admin/import_history.html",
        {
            "page_title": _("Importgeschiedenis"),
            "header_icon": "history",
            "page_obj": page_obj,
            "batches": page_obj.object_list,
            "can_undo": request.user.has_perms(UNDO_PERMISSIONS),
        },
    )


def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary of one import; while a background import runs, a progress page that refreshes itself."""
    _require(request, HISTORY_PERMISSIONS)
    batch = get_object_or_404(ImportBatch.objects.select_related("user"), pk=pk)
    running = batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING)
    done, total = background.progress(batch)
    percent = min(100, round(100 * done / total)) if total else 0
    return TemplateResponse(
        request,
        "events/admin/import_batch.html",
        {
            "page_title": _("Import"),
            "page_subtitle": batch.file_name,
            "header_icon": "upload",
            "batch": batch,
            "running": running,
            "done": done,
            "total": total,
            "percent": percent,
            "undo_blocker": undo_blocker(batch) if batch.status == ImportBatch.Status.DONE else "",
            "can_undo": request.user.has_perms(UNDO_PERMISSIONS),
            "event_count": Event.objects.originals().filter(import_batch=batch).count(),
        },
    )


@require_http_methods(["GET", "POST"])
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo an import, after showing what would be lost: events changed since (by a later import, by hand or by a
    translation) are named, and undo goes ahead only when the user ticks to keep those as they are now."""
    _require(request, UNDO_PERMISSIONS)
    batch = get_object_or_404(ImportBatch, pk=pk)
    blocker = undo_blocker(batch)
    changes = [] if blocker else later_changes(batch, Event)
    if request.method == "POST" and not blocker:
        keep = request.POST.get("keep_later_changes") == "1"
        try:
            removed, restored = undo_import(batch, user=request.user, keep_later_changes=keep)
        except UndoNotPossible as error:
            messages.error(request, str(error))
            blocker, changes = ("", error.changes) if error.changes else (str(error), [])
        else:
            messages.success(
                request,
                _("Import ongedaan gemaakt: %(removed)s activiteiten verwijderd, %(restored)s teruggezet.")
                % {"removed": removed, "restored": restored},
            )
            return redirect("events_admin:history")
    return TemplateResponse(
        request,
        "events/admin/import_undo.html",
        {
            "page_title": _("Import ongedaan maken"),
            "page_subtitle": batch.file_name,
            "header_icon": "history",
            "batch": batch,
            "blocker": blocker,
            "changes": changes[:UNDO_CHANGES_SHOWN],
            "change_count": len(changes),
        },
    )


def export(request: HttpRequest) -> HttpResponse:
    """All events (or only upcoming ones) as CSV or XLSX; without a format, a page to choose one."""
    _require(request, EXPORT_PERMISSIONS)
    file_format = request.GET.get("format", "")
    if file_format not in ("csv", "xlsx"):
        return TemplateResponse(
            request,
            "events/admin/export.html",
            {
                "page_title": _("Agenda exporteren"),
                "header_icon": "download",
                "count": Event.objects.originals().count(),
            },
        )
    events = Event.objects.originals().order_by("start", "pk")
    if request.GET.get("upcoming") == "1":
        events = events.upcoming()
    content = export_events(events, file_format)
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    if file_format == "csv":
        return file_response(content, f"agenda-{stamp}.csv", "text/csv; charset=utf-8")
    return file_response(content, f"agenda-{stamp}.xlsx", XLSX)


urlpatterns = [
    path("importeren/", import_start, name="import"),
    path("importeren/voorbeeld/", import_preview, name="preview"),
    path("importeren/bevestigen/", import_confirm, name="confirm"),
    path("importeren/afgekeurd/", rejected_rows, name="rejected"),
    path("importeren/sjabloon/", template_download, name="template"),
    path("imports/", history, name="history"),
    path("imports/<int:pk>/", batch_detail, name="batch"),
    path("imports/<int:pk>/ongedaan-maken/", undo, name="undo"),
    path("exporteren/", export, name="export"),
]
