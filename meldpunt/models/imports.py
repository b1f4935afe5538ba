"""One import of the old register from a spreadsheet (meldpunt/importing.py), kept for the list and for undo."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from spreadsheets.models import ImportRecord


class ReportImport(ImportRecord):
    """An import batch: which file (name only: the file itself is never kept), who, when, how many rows."""

    row_count = models.PositiveIntegerField(default=0)

    class Meta(ImportRecord.Meta):
        verbose_name = _("import van meldingen")
