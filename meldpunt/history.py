"""The case history (what changed, by whom) and the access log (who read a report), written by the admin views.

Summaries name fields, never their contents: the history outlives the description (retention) and is shown to
every Meldpunt user.
"""

from __future__ import annotations

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from meldpunt.models import AccessKind, Report, ReportAccess, ReportChange


def changed_fields_summary(model: type[models.Model], names: list[str]) -> str:
    labels = [str(capfirst(model._meta.get_field(name).verbose_name)) for name in names if name != "referrals"]
    if "referrals" in names:
        labels.append(_("Doorverwijzingen"))
    return _("Gewijzigd: %(fields)s") % {"fields": ", ".join(labels)}


def record_change(report: Report, user, summary: str) -> ReportChange:
    return ReportChange.objects.create(report=report, user=user, summary=summary[:500])


def record_access(report: Report, user, what: str = AccessKind.VIEWED) -> ReportAccess:
    return ReportAccess.objects.create(report=report, reference=report.reference, user=user, what=what)
