"""The admin flow every spreadsheet import but the agenda's shares (the shelter figures, the Meldpunt's register,
the newsletter's old subscriber list): choose a file -> preview -> confirm or cancel, and undo a batch.

Between the steps the browser holds a signed token naming a `KeptUpload` of the import's own kind. A file that
holds personal data is never kept as uploaded: `sanitised_copy` keeps only the columns we import (names,
V-numbers, phone numbers and any other column never reach the storage). The copy is removed on confirm, on
cancel and when the preview shows errors. Each app configures one `ImportViews` and mounts `urls()`; the rules
(columns, rows, undo) stay in the app. The agenda's import (events/views.py) has more steps (background imports,
rejected rows, choosing what to keep) and its own views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from spreadsheets.models import ImportRecord
from spreadsheets.reading import UnusableFile
from spreadsheets.uploads import KeptUpload, kept_upload, token_for

BATCHES_SHOWN = 10


@dataclass
class ImportViews:
    namespace: str  # its URL names: <namespace>:start, :preview, :confirm and :undo (see urls())
    permissions: tuple[str, ...]  # all of them, for every step
    template: str  # extends spreadsheets/admin/import_base.html
    title: str  # the page's header
    form_class: type[forms.Form]
    run_import: Callable[..., Any]  # (data, name, user=, dry_run=) -> a report with .ok, .batch
    batches: Callable[[HttpRequest], QuerySet[ImportRecord]]  # the earlier imports this user sees and may undo
    undo_blocker: Callable[[ImportRecord], str]
    undo_import: Callable[..., Any]  # (batch, user=) -> what undone_message takes; ValueError when it cannot
    confirmed_message: Callable[[Any], str]  # the report of a written import
    undone_message: Callable[[Any], str]
    failed_message: str
    kind: type[KeptUpload] = KeptUpload
    # Personal data in the file: (data, name) -> an XLSX of only the imported columns, kept as `copy_name`; raises
    # UnusableFile. None: the file holds none (counts only) and is kept as uploaded.
    sanitised_copy: Callable[[bytes, str], bytes] | None = None
    copy_name: str = ""
    page_context: Callable[[], dict] = field(default=dict)
    before_keep: Callable[[], object] = field(default=lambda: None)

    def require(self, request: HttpRequest) -> None:
        if not request.user.is_authenticated or not request.user.has_perms(self.permissions):
            raise PermissionDenied

    def url(self, step: str) -> str:
        return f"{self.namespace}:{step}"

    def page(self, request: HttpRequest, context: dict, status: int = 200) -> TemplateResponse:
        return TemplateResponse(
            request,
            self.template,
            {
                "form": self.form_class(),
                "page_title": self.title,
                "header_icon": "upload",
                "batches": self.batches(request)[:BATCHES_SHOWN],
                "upload_url": reverse(self.url("start")),
                "confirm_url": reverse(self.url("confirm")),
                "undo_url_name": self.url("undo"),
                **self.page_context(),
                **context,
            },
            status=status,
        )

    def urls(self):
        """The four steps, to mount under a path of the app's choice: `path("import/", flow.urls())`."""
        patterns = [
            path("", require_http_methods(["GET", "POST"])(self.start), name="start"),
            path("voorbeeld/", self.preview, name="preview"),
            path("bevestigen/", require_POST(self.confirm), name="confirm"),
            path("<db_id:batch_id>/ongedaan-maken/", require_POST(self.undo), name="undo"),
        ]
        return include((patterns, self.namespace), namespace=self.namespace)

    def keep(self, upload) -> KeptUpload:
        if self.sanitised_copy is None:
            return self.kind.keep(upload)
        return self.kind.keep(ContentFile(self.sanitised_copy(upload.read(), upload.name or ""), name=self.copy_name))

    def start(self, request: HttpRequest) -> HttpResponse:
        self.require(request)
        form = self.form_class(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            self.before_keep()
            try:
                kept = self.keep(upload)
            except UnusableFile as error:
                form.add_error("file", str(error))
            else:
                token = token_for(kept, (upload.name or "")[:255])
                return redirect(reverse(self.url("preview")) + f"?token={token}")
        return self.page(request, {"form": form}, status=400 if form.errors else 200)

    def preview(self, request: HttpRequest) -> HttpResponse:
        self.require(request)
        token = request.GET.get("token", "")
        kept, name = kept_upload(token, self.kind)
        report = self.run_import(kept.read(), name, user=request.user, dry_run=True)
        if not report.ok:
            kept.remove()  # it cannot be imported: nothing of it stays
        return self.page(request, {"report": report, "token": token if report.ok else "", "file_name": name})

    def confirm(self, request: HttpRequest) -> HttpResponse:
        self.require(request)
        kept, name = kept_upload(request.POST.get("token", ""), self.kind)
        if "cancel" in request.POST:
            kept.remove()
            messages.success(request, _("De import is geannuleerd; het bestand is verwijderd."))
            return redirect(self.url("start"))
        report = self.run_import(kept.read(), name, user=request.user, dry_run=False)
        kept.remove()
        if report.batch is None:
            messages.error(request, self.failed_message)
            return self.page(request, {"report": report, "file_name": name})
        messages.success(request, self.confirmed_message(report))
        return redirect(self.url("start"))

    def undo(self, request: HttpRequest, batch_id: int) -> HttpResponse:
        self.require(request)
        batch = get_object_or_404(self.batches(request), pk=batch_id)
        blocker = self.undo_blocker(batch)
        if not blocker:
            try:
                result = self.undo_import(batch, user=request.user)
            except ValueError as error:
                blocker = str(error)
            else:
                messages.success(request, self.undone_message(result))
        if blocker:
            messages.error(request, blocker)
        return redirect(self.url("start"))
