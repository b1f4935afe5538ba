"""Undoing an import of the old subscriber list (newsletter/importing.py): the subscriptions it made go, except
those that changed since (see `undo_import`). Holds the import's lock, so an undo never meets a running import."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from newsletter.importing import LOCK
from newsletter.models import Subscriber, SubscriberImport
from spreadsheets.undo import undoing

logger = logging.getLogger("los.newsletter")


def undo_blocker(batch: SubscriberImport) -> str:
    if batch.status != SubscriberImport.Status.DONE:
        return _("Deze import is al ongedaan gemaakt.")
    return ""


def undo_import(batch: SubscriberImport, *, user=None) -> tuple[int, int]:
    """Delete the subscriptions the import made that nobody changed since; (deleted, kept).

    Kept are those whose lists or language changed after the import (the subscriber chose again through the link
    in a mail, or the Eindredactie changed them at their request): that choice is newer than the old list's. Who
    unsubscribed since is gone already."""
    with undoing(batch, lock_name=LOCK, blocker=undo_blocker, user=user) as batch:
        subscribers = Subscriber.objects.filter(import_batch=batch)
        unchanged = subscribers.filter(updated_at__lte=batch.finished_at or batch.created_at)
        kept = subscribers.count() - unchanged.count()
        _total, deleted = unchanged.delete()
        removed = deleted.get(Subscriber._meta.label, 0)
        batch.removed_count, batch.kept_count = removed, kept
    logger.info("newsletter import %s undone: %d deleted, %d kept", batch.pk, removed, kept)
    return removed, kept
