"""The admin flow of an import whose spreadsheet holds personal data (the Meldpunt's register, the newsletter's old
subscriber list): choose a file -> preview -> confirm or cancel, and undo a batch.

Between the steps only the columns we import are kept (`sanitised_copy`: names, V-numbers, phone numbers and any
other column never reach the storage), as a `KeptUpload` of the import's own kind, named by a signed token in the
browser; the copy is removed on confirm, on cancel and when the preview shows errors. Each app configures one
`SanitisedImportViews` and routes its four views; the rules (columns, rows, undo) stay in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from spreadsheets.reading import UnusableFile
from spreadsheets.uploads import KeptUpload, kept_upload, token_for


@dataclass
class SanitisedImportViews:
    permission: str
    template: str  # extends spreadsheets/admin/import_base.html
    title: str  # the page's header
    form_class: type[forms.Form]
    kind: type[KeptUpload]
    copy_name: str  # the kept copy's file name (XLSX): what a storage listing shows
    sanitised_copy: Callable[[bytes, str], bytes]  # raises UnusableFile
    run_import: Callable[..., Any]  # (data, name, user=, dry_run=) -> a report with .ok, .batch
    undo_blocker: Callable[[Model], str]
    undo_import: Callable[..., Any]  # (batch, user=) -> what undone_message takes; ValueError when it cannot
    batch_model: type[Model]
    start_url: str
    preview_url: str
    confirmed_message: Callable[[Any], str]  # the report of a written import
    undone_message: Callable[[Any], str]
    failed_message: str
    page_context: Callable[[], dict] = field(default=dict)
    before_keep: Callable[[], object] = field(default=lambda: None)

    def require(self, request: HttpRequest) -> None:
        if not request.user.is_authenticated or not request.user.has_perm(self.permission):
            raise PermissionDenied

    def page(self, request: HttpRequest, context: dict, status: int = 200) -> TemplateResponse:
        return TemplateResponse(
            request,
            self.template,
            {
                "form": self.form_class(),
                "page_title": self.title,
                "header_icon": "upload",
                **self.page_context(),
                **context,
            },
            status=status,
        )

    def views(self) -> tuple[Callable, Callable, Callable, Callable]:
        """start, preview, confirm and undo, as plain view functions (with their HTTP method checks)."""
        return (
            require_http_methods(["GET", "POST"])(self.start),
            self.preview,
            require_POST(self.confirm),
            require_POST(self.undo),
        )

    def start(self, request: HttpRequest) -> HttpResponse:
        self.require(request)
        form = self.form_class(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                copy = self.sanitised_copy(upload.read(), upload.name or "")
            except UnusableFile as error:
                form.add_error("file", str(error))
            else:
                self.before_keep()
                kept = self.kind.keep(ContentFile(copy, name=self.copy_name))
                token = token_for(kept, (upload.name or "")[:255])
                return redirect(reverse(self.preview_url) + f"?token={token}")
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
            return redirect(self.start_url)
        report = self.run_import(kept.read(), name, user=request.user, dry_run=False)
        kept.remove()
        if report.batch is None:
            messages.error(request, self.failed_message)
            return self.page(request, {"report": report, "file_name": name})
        messages.success(request, self.confirmed_message(report))
        return redirect(self.start_url)

    def undo(self, request: HttpRequest, batch_id: int) -> HttpResponse:
        self.require(request)
        batch = get_object_or_404(self.batch_model, pk=batch_id)
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
        return redirect(self.start_url)
