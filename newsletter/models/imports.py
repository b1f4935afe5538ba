"""The record of each import of the old subscriber list (newsletter/importing.py): who, when, from which file,
how many addresses, and whether it was undone. The file itself is never kept past the import."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from spreadsheets.models import ImportRecord


class SubscriberImport(ImportRecord):
    """One import of the old subscriber list: its subscribers point back to it, so it can be shown and undone.
    Subscribers of this import changed after `finished_at` (lists, language) chose again themselves: undo keeps
    them."""

    imported_count = models.PositiveIntegerField(_("geïmporteerd"), default=0)
    skipped_count = models.PositiveIntegerField(_("overgeslagen"), default=0)
    removed_count = models.PositiveIntegerField(_("verwijderd bij ongedaan maken"), default=0)
    kept_count = models.PositiveIntegerField(_("gehouden bij ongedaan maken"), default=0)

    class Meta(ImportRecord.Meta):
        verbose_name = _("import van abonnees")
        verbose_name_plural = _("imports van abonnees")

    def get_status_display(self) -> str:
        """The status with its counts, as the import page lists earlier imports (Django keeps this over the
        method it would generate for `status`)."""
        if self.status == self.Status.UNDONE:
            return gettext("ongedaan gemaakt (%(removed)s verwijderd, %(kept)s gebleven)") % {
                "removed": self.removed_count,
                "kept": self.kept_count,
            }
        return ngettext(
            "%(n)s adres geïmporteerd, %(skipped)s rijen overgeslagen",
            "%(n)s adressen geïmporteerd, %(skipped)s rijen overgeslagen",
            self.imported_count,
        ) % {"n": self.imported_count, "skipped": self.skipped_count}
