"""The holder of the permission to see the Meldpunt's protected counts, apart from the reports.

Wagtail lets a user read every log entry ("Site history", its CSV and XLSX) of a content type on which they hold
any permission at all. `view_counts` used to be a permission on Report, so the Eindredactie read every report's
reference, action and author there. On a model of its own, a permission on a report's content type means what it
says, in Wagtail's views of today and of later versions.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MeldpuntCounts(models.Model):
    """No table and no rows: only the permission `meldpunt.view_counts` (editors/roles.py MELDPUNT_COUNTS)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_counts", _("Tellingen van het Meldpunt zien"))]
        verbose_name = _("tellingen van het Meldpunt")
        verbose_name_plural = _("tellingen van het Meldpunt")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
