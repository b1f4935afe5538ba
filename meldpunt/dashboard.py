"""The Meldpunt's dashboard panels: for its staff the urgent reports nobody touched for two days, this week's
follow-ups and what retention removes next; for the Eindredactie only the counts (never a report)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from meldpunt.models import Report, Urgency
from meldpunt.retention import upcoming
from meldpunt.statistics import public_counts
from meldpunt.viewsets import this_week

STALE_AFTER = datetime.timedelta(days=2)


def urgent_untouched(now: datetime.datetime | None = None):
    """Open urgent reports without any change for two days (a referral or a note counts as a change)."""
    now = now or timezone.now()
    return Report.objects.open().filter(urgency=Urgency.URGENT, updated_at__lt=now - STALE_AFTER)


class MeldpuntPanel(Component):
    """Reminders for the Meldpunt's staff."""

    name = "los_meldpunt"
    order = 90  # above the other panels: an urgent report waits for someone
    template_name = "meldpunt/admin/panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        monday, sunday = this_week(timezone.localdate())
        return {
            "urgent": urgent_untouched().select_related("location").order_by("updated_at")[:20],
            "my_follow_ups": Report.objects.open()
            .filter(assigned_to=self.user, follow_up_on__range=(monday, sunday))
            .order_by("follow_up_on")[:20],
            "upcoming": upcoming(limit=10),
        }


class MeldpuntCountsPanel(Component):
    """The Eindredactie's view of the Meldpunt: the protected yearly counts of the public page, nothing else."""

    name = "los_meldpunt_counts"
    order = 280
    template_name = "meldpunt/admin/counts_panel.html"

    def get_context_data(self, parent_context=None):
        return {"figures": public_counts()}
