"""Retention of the register (README "Meldpunt"): run daily by `manage.py meldpunt_retention` (registered with the
worker's scheduler, security/periodic.py, in meldpunt/apps.py).

- Contact details of open reports go `contact_days_open` days after they were received (closing removes them at
  once, Report.save).
- Description and contact of closed reports go `retention_months` months after closing; the report stays with
  its date, location, topics, status and outcome, so the counts do not change. `redacted_on` says when.

Logs counts only, never a reference's contents.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldpunt.models import MeldpuntSettings, Report, ReportChange, Status

logger = logging.getLogger("los.meldpunt")


@dataclass
class RetentionResult:
    """How many reports lost their contact details and how many were redacted (or would be, in a dry run)."""

    contacts_removed: int = 0
    redacted: int = 0


def shift_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by `months` (negative: back); the 29th to 31st become the 28th, so every month has the day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


def due_for_redaction(today: datetime.date, config: MeldpuntSettings):
    cutoff = shift_months(today, -config.retention_months)
    return Report.objects.filter(status=Status.CLOSED, closed_on__lte=cutoff, redacted_on__isnull=True)


def contacts_due(today: datetime.date, config: MeldpuntSettings):
    cutoff = today - datetime.timedelta(days=config.contact_days_open)
    return Report.objects.open().filter(received_on__lte=cutoff).exclude(contact="")


WHAT = {"contact": _("contactgegevens"), "description": _("beschrijving en contactgegevens")}


class Removal(NamedTuple):
    """A removal retention will make: which report, on which day, and what ("contact" or "description")."""

    report: Report
    on: datetime.date
    what: str

    @property
    def label(self) -> str:
        return str(WHAT[self.what])


def upcoming(today: datetime.date | None = None, *, limit: int | None = 20) -> list[Removal]:
    """What retention removes next, soonest first, for the admin; `limit=None`: everything (the full list,
    UpcomingRemovalsView in meldpunt/viewsets.py). Loads no description or contact, only what the lists show."""
    today = today or timezone.localdate()
    config = MeldpuntSettings.load()
    rows = []
    shown = ("pk", "reference", "received_on", "closed_on", "status")
    closed = Report.objects.filter(status=Status.CLOSED, redacted_on__isnull=True, closed_on__isnull=False)
    for report in closed.only(*shown).order_by("closed_on")[:limit]:
        rows.append(Removal(report, shift_months(report.closed_on, config.retention_months), "description"))
    for report in Report.objects.open().exclude(contact="").only(*shown).order_by("received_on")[:limit]:
        day = report.received_on + datetime.timedelta(days=config.contact_days_open)
        rows.append(Removal(report, max(day, today), "contact"))
    return sorted(rows, key=lambda row: (row.on, row.report.reference))[:limit]


def apply_retention(*, today: datetime.date | None = None, dry_run: bool = False) -> RetentionResult:
    today = today or timezone.localdate()
    config = MeldpuntSettings.load()
    contacts, redact = contacts_due(today, config), due_for_redaction(today, config)
    result = RetentionResult(contacts_removed=contacts.count(), redacted=redact.count())
    if not dry_run:
        with transaction.atomic():
            # update(): the encrypted field's empty value is "" either way, and no save() side effects are wanted.
            changes = [ReportChange(report=r, summary="Contactgegevens verwijderd (bewaartermijn)") for r in contacts]
            contacts.update(contact="")
            redacted = list(redact)
            changes += [ReportChange(report=r, summary="Beschrijving verwijderd (bewaartermijn)") for r in redacted]
            Report.objects.filter(pk__in=[r.pk for r in redacted]).update(description="", contact="", redacted_on=today)
            ReportChange.objects.bulk_create(changes)
    logger.info(
        "meldpunt_retention%s: %d contacts removed, %d reports redacted",
        " (dry run)" if dry_run else "",
        result.contacts_removed,
        result.redacted,
    )
    return result
