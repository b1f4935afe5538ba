"""Retention of the register (README "Meldpunt"): run daily by `manage.py meldpunt_retention` (registered with the
worker's scheduler, security/periodic.py, in meldpunt/apps.py).

- Contact details of open reports go `contact_days_open` days after they were received (closing removes them at
  once, Report.save).
- Description and contact of closed reports go `retention_months` months after closing; the report stays with
  its date, location, topics, status and outcome, so the counts do not change. `redacted_on` says when. The
  notes of its referrals go with the description; the organisation referred to stays.
- A date later than the report itself is a typo that older rows may hold (the form and the import refuse it now):
  a report was received at the latest when it was registered (`created_at`) and closed at the latest when it was
  last saved (`updated_at`), so retention counts from the earlier of the two. Date arithmetic is clamped, so no
  stored date takes the dashboard or the list of upcoming removals down.

Logs counts only, never a reference's contents.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Least, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meldpunt.models import MeldpuntSettings, Referral, Report, ReportChange, Status

logger = logging.getLogger("los.meldpunt")


@dataclass
class RetentionResult:
    """How many reports lost their contact details and how many were redacted (or would be, in a dry run)."""

    contacts_removed: int = 0
    redacted: int = 0


def shift_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by `months` (negative: back); the 29th to 31st become the 28th, so every month has the day.
    Past the calendar's ends (year 1, year 9999) it stops there instead of raising."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if year > datetime.MAXYEAR:
        return datetime.date.max
    if year < datetime.MINYEAR:
        return datetime.date.min
    return day.replace(year=year, month=month + 1, day=min(day.day, 28))


def add_days(day: datetime.date, days: int) -> datetime.date:
    """`day` plus `days`, stopping at the calendar's ends instead of raising."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


def closed_from():
    """The day retention counts a closed report from: its closing date, or the day it was last saved if that is
    earlier (a closing date typed in the future)."""
    return Least("closed_on", TruncDate("updated_at"))


def received_from():
    """The day retention counts an open report from: its date received, or the day it was registered if earlier."""
    return Least("received_on", TruncDate("created_at"))


def due_for_redaction(today: datetime.date, config: MeldpuntSettings):
    cutoff = shift_months(today, -config.retention_months)
    closed = Q(closed_on__lte=cutoff) | Q(updated_at__date__lte=cutoff)  # closed_from() <= cutoff
    return Report.objects.filter(closed, status=Status.CLOSED, redacted_on__isnull=True)


def contacts_due(today: datetime.date, config: MeldpuntSettings):
    cutoff = add_days(today, -config.contact_days_open)
    received = Q(received_on__lte=cutoff) | Q(created_at__date__lte=cutoff)  # received_from() <= cutoff
    return Report.objects.open().filter(received).exclude(contact="")


WHAT = {"contact": _("contactgegevens"), "description": _("beschrijving, contactgegevens en doorverwijsnotities")}


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
    closed = closed.annotate(start=closed_from()).only(*shown).order_by("start", "pk")
    for report in closed[:limit]:
        rows.append(Removal(report, shift_months(report.start, config.retention_months), "description"))
    with_contact = Report.objects.open().exclude(contact="").annotate(start=received_from())
    for report in with_contact.only(*shown).order_by("start", "pk")[:limit]:
        rows.append(Removal(report, max(add_days(report.start, config.contact_days_open), today), "contact"))
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
            # A referral's note is free text like the description ("broer belt terug op 06..."): it goes with it.
            # Who it was referred to stays, like the location: an organisation, not a person (its help text), and
            # the Meldpunt's account of to whom it referred; empty, it would also block every later save.
            Referral.objects.filter(report__in=[r.pk for r in redacted]).exclude(note="").update(note="")
            ReportChange.objects.bulk_create(changes)
    logger.info(
        "meldpunt_retention%s: %d contacts removed, %d reports redacted",
        " (dry run)" if dry_run else "",
        result.contacts_removed,
        result.redacted,
    )
    return result
