"""The record of each spreadsheet import: who ran it, from which file, what it did, and what undo needs."""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from spreadsheets.models import ImportRecord


class ImportBatch(ImportRecord):
    """One spreadsheet import: who ran it, when, from which file, the counts, and what is needed to undo it. A large
    file is imported in the background, so an agenda import also waits and runs."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        RUNNING = "running", _("bezig")
        DONE = "done", _("klaar")
        FAILED = "failed", _("mislukt")
        UNDONE = "undone", _("ongedaan gemaakt")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    source = models.CharField(_("via"), max_length=20, default="admin")
    total_rows = models.PositiveIntegerField(_("rijen"), default=0)
    processed_rows = models.PositiveIntegerField(_("verwerkt"), default=0)
    created_count = models.PositiveIntegerField(_("nieuw"), default=0)
    updated_count = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged_count = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    message = models.TextField(_("melding"), blank=True)
    # Undo data: the ids this import created, and for every event it changed the values it had before.
    created_ids = models.JSONField(default=list, blank=True)
    previous_values = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    # While a background import runs, the uploaded file stays in the upload storage (spreadsheets.uploads).
    stored_file = models.CharField(max_length=255, blank=True)
    # The kept upload this import came from: a second confirmation of the same upload finds this import
    # instead of importing the file again (a double click on "Importeren").
    upload = models.CharField(max_length=255, blank=True)

    class Meta(ImportRecord.Meta):
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        permissions = [("undo_importbatch", _("Kan een import ongedaan maken"))]
        constraints = [
            models.UniqueConstraint(fields=["upload"], condition=~models.Q(upload=""), name="events_import_once"),
        ]

    @property
    def touched_ids(self) -> set[int]:
        return {int(pk) for pk in self.created_ids} | {int(pk) for pk in self.previous_values}

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))
