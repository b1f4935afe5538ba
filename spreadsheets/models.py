"""What every import keeps of itself (the agenda, the quarterly figures, the Meldpunt register, the subscriber
list): which file, who, when, and whether and by whom it was undone. The shared admin flow lists and undoes
these (`import_views`), `undo.undoing` marks them undone; each app's model adds what its undo needs.

The file itself is never part of the record: only its name.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.fields import optional_link


class ImportRecord(models.Model):
    class Status(models.TextChoices):
        DONE = "done", _("geïmporteerd")
        UNDONE = "undone", _("ongedaan gemaakt")

    file_name = models.CharField(_("bestand"), max_length=255)
    user = optional_link(settings.AUTH_USER_MODEL, _("door"))
    created_at = models.DateTimeField(_("gestart op"), default=timezone.now)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DONE)
    undone_at = models.DateTimeField(_("ongedaan gemaakt op"), null=True, blank=True)
    undone_by = optional_link(settings.AUTH_USER_MODEL, _("ongedaan gemaakt door"))

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({timezone.localtime(self.created_at):%d-%m-%Y %H:%M})"
