"""Admin views of the subscriber-list import, in the agenda's shape: choose a file -> preview -> confirm (or
cancel), and undo (newsletter/importing.py, newsletter/import_undo.py).

Only who manages the subscribers may import: `newsletter.change_subscriber`, which editors/roles.py gives the
Eindredactie alone (addresses are personal data, issue 20 item 7); everyone else gets 403. Between the steps the
browser holds a signed token naming a kept copy with only the columns we import (`importing.sanitised_copy`);
that copy is removed on confirm, on cancel, when the preview shows errors, and, if the editor walks away, by
`newsletter_periodic` after a day."""

from __future__ import annotations

from django.contrib import messages
from django.core.files.base import ContentFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from events.importing.reading import UnusableFile
from events.importing.uploads import KeptUpload, kept_upload, token_for
from figures import import_views as figures_import_views
from figures import views as figures_views
from newsletter.import_undo import undo_blocker, undo_import
from newsletter.importing import (
    COLUMN_NAMES,
    remove_abandoned_uploads,
    run_import,
    sanitised_copy,
)
from newsletter.models import MailingList, SubscriberImport

IMPORT_PERMISSION = "newsletter.change_subscriber"
TEMPLATE = "newsletter/admin/import.html"


class SheetForm(figures_import_views.SheetForm):
    """The figures import's one field (size checked the same way), named for subscribers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = gettext_lazy("Spreadsheet met abonnees")
        self.fields["file"].help_text = gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per adres.")


def require(request: HttpRequest) -> None:
    figures_views.require(request, (IMPORT_PERMISSION,))


def _page(request: HttpRequest, context: dict, status: int = 200) -> TemplateResponse:
    context = {
        "form": SheetForm(),
        "columns": COLUMN_NAMES.values(),
        "list_names": MailingList.objects.values_list("name", flat=True),
        "batches": SubscriberImport.objects.all()[:10],
        **context,
    }
    return TemplateResponse(request, TEMPLATE, context, status=status)


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
            remove_abandoned_uploads()
            kept = KeptUpload.keep(ContentFile(copy, name="abonnees.xlsx"))
            token = token_for(kept, (upload.name or "")[:255])
            return redirect(reverse("newsletter_admin:import_preview") + f"?token={token}")
    return _page(request, {"form": form}, status=400 if form.errors else 200)


def import_preview(request: HttpRequest) -> HttpResponse:
    require(request)
    token = request.GET.get("token", "")
    kept, name = kept_upload(token)
    report = run_import(kept.read(), name, user=request.user, dry_run=True)
    if not report.ok:
        kept.remove()  # it cannot be imported: nothing of it stays
    return _page(request, {"report": report, "token": token if report.ok else "", "file_name": name})


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    require(request)
    kept, name = kept_upload(request.POST.get("token", ""))
    if "cancel" in request.POST:
        kept.remove()
        messages.success(request, _("De import is geannuleerd; het bestand is verwijderd."))
        return redirect("newsletter_admin:import")
    report = run_import(kept.read(), name, user=request.user, dry_run=False)
    kept.remove()
    if report.batch is None:
        messages.error(request, _("Er is niets geïmporteerd. Bekijk hieronder waarom en upload het bestand opnieuw."))
        return _page(request, {"report": report, "file_name": name})
    imported = ngettext(
        "%(n)s adres geïmporteerd als bevestigde abonnee.",
        "%(n)s adressen geïmporteerd als bevestigde abonnees.",
        report.batch.imported_count,
    ) % {"n": report.batch.imported_count}
    skipped = ngettext("%(n)s rij overgeslagen.", "%(n)s rijen overgeslagen.", report.batch.skipped_count) % {
        "n": report.batch.skipped_count
    }
    messages.success(request, f"{imported} {skipped}" if report.batch.skipped_count else imported)
    return redirect("newsletter_admin:import")


@require_POST
def import_undo(request: HttpRequest, batch_id: int) -> HttpResponse:
    require(request)
    batch = get_object_or_404(SubscriberImport, pk=batch_id)
    blocker = undo_blocker(batch)
    if not blocker:
        try:
            removed, kept = undo_import(batch, user=request.user)
        except ValueError as error:
            blocker = str(error)
        else:
            text = ngettext(
                "De import is ongedaan gemaakt: %(n)s adres verwijderd.",
                "De import is ongedaan gemaakt: %(n)s adressen verwijderd.",
                removed,
            ) % {"n": removed}
            if kept:
                text += " " + ngettext(
                    "%(n)s adres is gebleven, omdat de lijsten of de taal sinds de import zijn gewijzigd.",
                    "%(n)s adressen zijn gebleven, omdat hun lijsten of taal sinds de import zijn gewijzigd.",
                    kept,
                ) % {"n": kept}
            messages.success(request, text)
    if blocker:
        messages.error(request, blocker)
    return redirect("newsletter_admin:import")
