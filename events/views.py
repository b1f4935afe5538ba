"""Admin views of "Agenda importeren", in the shape of Wagtail's redirects import: choose a file -> preview ->
confirm -> summary, plus the template and rejected-rows downloads, the import history with undo, and export.

The uploaded file is kept in Django's default storage (works with several app servers and S3) under a random
name; the browser only ever holds a signed token for it, and the file is deleted after the import or cancel.
Every view checks model permissions; the views only call `events.importing`, which holds the logic.
"""

from __future__ import annotations

import datetime
import os
import uuid

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from events import importing
from events.models import Event, ImportBatch
from events.tasks import progress_key, run_import_task
from security.query_params import page_number

IMPORT_PERMISSIONS = ("events.add_importbatch", "events.add_event", "events.change_event")
HISTORY_PERMISSIONS = ("events.view_importbatch",)
UNDO_PERMISSIONS = ("events.undo_importbatch", "events.delete_event", "events.change_event")
EXPORT_PERMISSIONS = ("events.view_event",)

UPLOAD_DIR = "events-import"
TOKEN_SALT = "events.import.file"
TOKEN_MAX_AGE = 6 * 3600
PREVIEW_ROWS = 300
ALLOWED_EXTENSIONS = (".xlsx", ".ods", ".csv", ".tsv", ".txt")


def _require(request: HttpRequest, permissions: tuple[str, ...]) -> None:
    if not request.user.is_authenticated or not request.user.has_perms(permissions):
        raise PermissionDenied


class UploadForm(forms.Form):
    """The one field of the first step."""

    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "Een Excel-bestand (.xlsx), LibreOffice-bestand (.ods) of tekstbestand (.csv, .tsv, .txt), hoogstens 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot (meer dan 10 MB). Splits het in kleinere bestanden.")
            )
        return upload


# Stored uploads ------------------------------------------------------------------------------------------------


def _store_upload(upload) -> str:
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED_EXTENSIONS:
        extension = ".bin"
    _remove_stale_uploads()
    name = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}{extension}", upload)
    return signing.dumps({"f": name, "n": importing.file_name_for(upload.name)}, salt=TOKEN_SALT)


def _remove_stale_uploads() -> None:
    """Uploads nobody confirmed or cancelled are removed after a day."""
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except (FileNotFoundError, NotImplementedError, OSError):
        return
    limit = timezone.now() - datetime.timedelta(days=1)
    in_use = set(ImportBatch.objects.exclude(stored_file="").values_list("stored_file", flat=True))
    for name in files:
        full = f"{UPLOAD_DIR}/{name}"
        try:
            if full not in in_use and default_storage.get_modified_time(full) < limit:
                default_storage.delete(full)
        except (NotImplementedError, OSError):
            continue


def _load_token(token: str) -> tuple[str, str]:
    """(storage name, original file name) for a signed token, or 404 when it is forged, old or gone."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        name, original = payload["f"], payload["n"]
    except (signing.BadSignature, KeyError, TypeError):
        raise Http404(_("Dit importbestand is verlopen. Upload het opnieuw.")) from None
    if not name.startswith(UPLOAD_DIR + "/") or not default_storage.exists(name):
        raise Http404(_("Dit importbestand is verlopen. Upload het opnieuw."))
    return name, original


def _read_stored(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def _delete_stored(name: str) -> None:
    if default_storage.exists(name):
        default_storage.delete(name)


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
        {"form": form, "columns": importing.COLUMNS.values(), "max_rows": importing.MAX_ROWS},
    )


def import_preview(request: HttpRequest) -> HttpResponse:
    _require(request, IMPORT_PERMISSIONS)
    token = request.GET.get("token", "")
    name, original = _load_token(token)
    report = importing.run_import(_read_stored(name), original, dry_run=True)
    if report.file_error:
        _delete_stored(name)
        form = UploadForm()
        return TemplateResponse(
            request,
            "events/admin/import_start.html",
            {
                "form": form,
                "file_error": report.file_error,
                "columns": importing.COLUMNS.values(),
                "max_rows": importing.MAX_ROWS,
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
            "report": report,
            "rows": shown,
            "hidden_rows": len(report.rows) - len(shown),
            "token": token,
            "counts": report.counts,
            "background": len(report.rows) > importing.BACKGROUND_THRESHOLD,
            "status_labels": importing.STATUS_LABELS,
        },
    )


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    _require(request, IMPORT_PERMISSIONS)
    name, original = _load_token(request.POST.get("token", ""))
    if "cancel" in request.POST:
        _delete_stored(name)
        messages.info(request, _("De import is geannuleerd. Er is niets veranderd."))
        return redirect("events_admin:import")
    data = _read_stored(name)
    table, rows, error = importing.analyse_file(data, original)
    if not error and len(rows) > importing.BACKGROUND_THRESHOLD:
        batch = ImportBatch.objects.create(
            user=request.user,
            file_name=original,
            stored_file=name,
            total_rows=len(rows),
            status=ImportBatch.Status.QUEUED,
        )
        run_import_task.enqueue(batch.pk)
        return redirect("events_admin:batch", batch.pk)
    report = importing.run_import(data, original, dry_run=False, user=request.user)
    _delete_stored(name)
    if not report.written:
        messages.error(request, _("Er is niets geïmporteerd: het bestand bevat fouten. Upload een verbeterd bestand."))
        return TemplateResponse(
            request,
            "events/admin/import_summary.html",
            {"report": report, "batch": None, "status_labels": importing.STATUS_LABELS},
        )
    messages.success(
        request,
        _("Import klaar: %(new)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd.")
        % {"new": report.count("new"), "changed": report.count("changed"), "unchanged": report.count("unchanged")},
    )
    return redirect("events_admin:batch", report.batch.pk)


def rejected_rows(request: HttpRequest) -> HttpResponse:
    """The invalid rows of a previewed file, as they were plus a 'Probleem' column, to fix and upload again."""
    _require(request, IMPORT_PERMISSIONS)
    name, original = _load_token(request.GET.get("token", ""))
    report = importing.run_import(_read_stored(name), original, dry_run=True)
    if report.file_error or not report.invalid_rows:
        raise Http404(_("Dit bestand heeft geen afgekeurde rijen."))
    headers, rows = report.rejected_rows()
    stem = os.path.splitext(original)[0][:80] or "agenda"
    if request.GET.get("format") == "csv":
        return _download(importing.write_csv(headers, rows), f"{stem}-afgekeurd.csv", "text/csv; charset=utf-8")
    return _download(importing.write_xlsx(headers, rows), f"{stem}-afgekeurd.xlsx", XLSX)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in filename)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def template_download(request: HttpRequest) -> HttpResponse:
    _require(request, IMPORT_PERMISSIONS)
    return _download(importing.template_xlsx(), "sjabloon-agenda.xlsx", XLSX)


# History, progress and undo ----------------------------------------------------------------------------------


def history(request: HttpRequest) -> HttpResponse:
    _require(request, HISTORY_PERMISSIONS)
    paginator = Paginator(ImportBatch.objects.select_related("user", "undone_by"), 25)
    page_obj = paginator.get_page(page_number(request.GET.get("p")))
    return TemplateResponse(
        request,
        "events/admin/import_history.html",
        {"page_obj": page_obj, "batches": page_obj.object_list, "can_undo": request.user.has_perms(UNDO_PERMISSIONS)},
    )


def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary of one import; while a background import runs, a progress page that refreshes itself."""
    _require(request, HISTORY_PERMISSIONS)
    batch = get_object_or_404(ImportBatch.objects.select_related("user"), pk=pk)
    running = batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING)
    done, total = batch.processed_rows, batch.total_rows
    if running:
        from django.core.cache import cache

        done, total = cache.get(progress_key(batch.pk), (0, batch.total_rows))
    percent = min(100, round(100 * done / total)) if total else 0
    return TemplateResponse(
        request,
        "events/admin/import_batch.html",
        {
            "batch": batch,
            "running": running,
            "done": done,
            "total": total,
            "percent": percent,
            "undo_blocker": importing.undo_blocker(batch) if batch.status == ImportBatch.Status.DONE else "",
            "can_undo": request.user.has_perms(UNDO_PERMISSIONS),
            "event_count": Event.objects.originals().filter(import_batch=batch).count(),
        },
    )


@require_http_methods(["GET", "POST"])
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, UNDO_PERMISSIONS)
    batch = get_object_or_404(ImportBatch, pk=pk)
    blocker = importing.undo_blocker(batch)
    if request.method == "POST":
        if blocker:
            messages.error(request, blocker)
            return redirect("events_admin:batch", batch.pk)
        try:
            removed, restored = importing.undo_import(batch, user=request.user)
        except importing.UndoNotPossible as error:
            messages.error(request, str(error))
            return redirect("events_admin:batch", batch.pk)
        messages.success(
            request,
            _("Import ongedaan gemaakt: %(removed)s activiteiten verwijderd, %(restored)s teruggezet.")
            % {"removed": removed, "restored": restored},
        )
        return redirect("events_admin:history")
    return TemplateResponse(request, "events/admin/import_undo.html", {"batch": batch, "blocker": blocker})


def export(request: HttpRequest) -> HttpResponse:
    """All events (or only upcoming ones) as CSV or XLSX; without a format, a page to choose one."""
    _require(request, EXPORT_PERMISSIONS)
    file_format = request.GET.get("format", "")
    if file_format not in ("csv", "xlsx"):
        return TemplateResponse(request, "events/admin/export.html", {"count": Event.objects.originals().count()})
    events = Event.objects.originals().order_by("start", "pk")
    if request.GET.get("upcoming") == "1":
        events = events.filter(start__gte=timezone.now())
    content = importing.export_events(events, file_format)
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    if file_format == "csv":
        return _download(content, f"agenda-{stamp}.csv", "text/csv; charset=utf-8")
    return _download(content, f"agenda-{stamp}.xlsx", XLSX)


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
