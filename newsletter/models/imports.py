"""The record of each import of the old subscriber list (newsletter/importing.py): who, when, from which file,
how many addresses, and whether it was undone. The file itself is never kept past the import."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class SubscriberImport(models.Model):
    """One import of the old subscriber list: its subscribers point back to it, so it can be shown and undone."""

    class Status(models.TextChoices):
        DONE = "done", _("geïmporteerd")
        UNDONE = "undone", _("ongedaan gemaakt")

    file_name = models.CharField(_("bestand"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("geïmporteerd op"), default=timezone.now)
    # Subscribers of this import changed after this moment (lists, language) chose again themselves: undo keeps them.
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DONE)
    imported_count = models.PositiveIntegerField(_("geïmporteerd"), default=0)
    skipped_count = models.PositiveIntegerField(_("overgeslagen"), default=0)
    undone_at = models.DateTimeField(_("ongedaan gemaakt op"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_count = models.PositiveIntegerField(_("verwijderd bij ongedaan maken"), default=0)
    kept_count = models.PositiveIntegerField(_("gehouden bij ongedaan maken"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import van abonnees")
        verbose_name_plural = _("imports van abonnees")

    def __str__(self) -> str:
        return f"{self.file_name} ({timezone.localtime(self.created_at):%d-%m-%Y %H:%M})"

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
