"""Retention and housekeeping, run every few minutes by `manage.py newsletter_periodic` (cron, next to Wagtail's
`publish_scheduled`; README "Newsletter"): unconfirmed addresses are deleted after NEWSLETTER_CONFIRM_DAYS days,
scheduled issues that are due start sending, sending that stalled (a worker died) is resumed, and kept uploads of
imports nobody confirmed or cancelled are removed after a day (they may hold addresses).

Logs counts only, never an address.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from newsletter.importing import remove_abandoned_uploads
from newsletter.models import Subscriber
from newsletter.sending import resume_stalled

logger = logging.getLogger("los.newsletter")


@dataclass
class Housekeeping:
    """What one run did (or, in a dry run, would have deleted)."""

    purged: int = 0
    queued: int = 0


def unconfirmed_expired(now: datetime.datetime):
    cutoff = now - datetime.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)
    return Subscriber.objects.filter(confirmed_at__isnull=True, consent_at__lt=cutoff)


def run_housekeeping(*, now: datetime.datetime | None = None, dry_run: bool = False) -> Housekeeping:
    now = now or timezone.now()
    expired = unconfirmed_expired(now)
    result = Housekeeping(purged=expired.count())
    if not dry_run:
        expired.delete()
        result.queued = resume_stalled(now=now)
        remove_abandoned_uploads()  # an import nobody confirmed or cancelled leaves addresses in its kept copy
    logger.info(
        "newsletter_periodic%s: %d unconfirmed deleted, %d issues queued",
        " (dry run)" if dry_run else "",
        result.purged,
        result.queued,
    )
    return result
