"""Admin views of the subscriber-list import, in the agenda's shape: choose a file -> preview -> confirm (or
cancel), and undo (newsletter/importing.py, newsletter/import_undo.py).

Only who manages the subscribers may import: `newsletter.change_subscriber`, which editors/roles.py gives the
Eindredactie alone (addresses are personal data, issue 20 item 7); everyone else gets 403. Between the steps the
browser holds a signed token naming a kept copy with only the columns we import (`importing.sanitised_copy`);
that copy is removed on confirm, on cancel, when the preview shows errors, and, if the editor walks away, by
`newsletter_periodic` after a day."""

from __future__ import annotations

from django.utils.translation import gettext_lazy, ngettext

from newsletter.import_undo import undo_blocker, undo_import
from newsletter.importing import COLUMN_NAMES, KeptList, remove_abandoned_uploads, run_import, sanitised_copy
from newsletter.models import MailingList, SubscriberImport
from spreadsheets.forms import sheet_form
from spreadsheets.import_views import ImportViews

IMPORT_PERMISSION = "newsletter.change_subscriber"


SheetForm = sheet_form(
    gettext_lazy("Spreadsheet met abonnees"),
    gettext_lazy("Excel (.xlsx), LibreOffice (.ods) of CSV, één rij per adres."),
)


def _imported(report) -> str:
    batch = report.batch
    imported = ngettext(
        "%(n)s adres geïmporteerd als bevestigde abonnee.",
        "%(n)s adressen geïmporteerd als bevestigde abonnees.",
        batch.imported_count,
    ) % {"n": batch.imported_count}
    if not batch.skipped_count:
        return imported
    skipped = ngettext("%(n)s rij overgeslagen.", "%(n)s rijen overgeslagen.", batch.skipped_count)
    return f"{imported} {skipped % {'n': batch.skipped_count}}"


def _undone(result: tuple[int, int]) -> str:
    removed, kept = result
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
    return text


flow = ImportViews(
    namespace="newsletter_import",
    permissions=(IMPORT_PERMISSION,),
    template="newsletter/admin/import.html",
    title=gettext_lazy("Oude lijst met abonnees importeren"),
    form_class=SheetForm,
    kind=KeptList,
    copy_name="abonnees.xlsx",
    sanitised_copy=sanitised_copy,
    run_import=run_import,
    undo_blocker=undo_blocker,
    undo_import=undo_import,
    batches=lambda _request: SubscriberImport.objects.all(),
    confirmed_message=_imported,
    undone_message=_undone,
    failed_message=gettext_lazy("Er is niets geïmporteerd. Bekijk hieronder waarom en upload het bestand opnieuw."),
    page_context=lambda: {
        "columns": COLUMN_NAMES.values(),
        "list_names": MailingList.objects.values_list("name", flat=True),
    },
    # The engine's own clean-up of abandoned copies only runs when someone uploads (newsletter_periodic also does).
    before_keep=remove_abandoned_uploads,
)
