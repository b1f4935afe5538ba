"""Retention: delete or anonymise sign-ups older than their form's retention period.

Safe to run daily (idempotent: anonymised submissions are not touched again) and logs counts only, never
what was in a submission.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from campaigns.models import SignupFormPage, SignupSubmission

logger = logging.getLogger("los.campaigns")


@dataclass
class PurgeResult:
    """How many submissions were (or, in a dry run, would be) deleted and anonymised."""

    deleted: int = 0
    anonymised: int = 0


def expired_submissions(page: SignupFormPage, now: datetime):
    cutoff = now - timedelta(days=page.retention_days)
    return SignupSubmission.objects.filter(page=page, submit_time__lt=cutoff, anonymised=False)


def purge_expired_submissions(*, now: datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Apply every sign-up form's retention period (drafts and unpublished forms included)."""
    now = now or timezone.now()
    result = PurgeResult()
    with transaction.atomic():
        for page in SignupFormPage.objects.only("pk", "retention_days", "on_expiry"):
            expired = expired_submissions(page, now)
            if page.on_expiry == SignupFormPage.Expiry.ANONYMISE:
                count = expired.count()
                if not dry_run and count:
                    # An approved organisation's name was published with its consent and stays; the rest goes.
                    expired.filter(approved=False).update(organisation="")
                    expired.update(form_data={}, anonymised=True)
                result.anonymised += count
            else:
                count = expired.count()
                if not dry_run and count:
                    expired.delete()
                result.deleted += count
    logger.info(
        "purge_submissions%s: %d deleted, %d anonymised",
        " (dry run)" if dry_run else "",
        result.deleted,
        result.anonymised,
    )
    return result
