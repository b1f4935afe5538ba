"""One import of the old register from a spreadsheet (meldpunt/importing.py), kept for the list and for undo."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportImport(models.Model):
    """An import batch: which file (name only: the file itself is never kept), who, when, how many rows."""

    class Status(models.TextChoices):
        DONE = "done", _("geïmporteerd")
        UNDONE = "undone", _("ongedaan gemaakt")

    file_name = models.CharField(_("bestand"), max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DONE)
    row_count = models.PositiveIntegerField(default=0)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import van meldingen")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.created_at:%Y-%m-%d})" if self.created_at else self.file_name
