"""Undoing an import of the old subscriber list (newsletter/importing.py): the subscriptions it made go, except
those that changed since (see `undo_import`). Holds the import's lock, so an undo never meets a running import."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.importing import lock
from newsletter.importing import LOCK
from newsletter.models import Subscriber, SubscriberImport

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
    with transaction.atomic():
        try:
            lock.hold(LOCK, wait=False)
        except lock.Busy:
            raise ValueError(_("Er loopt nu een andere import. Wacht tot die klaar is en probeer opnieuw.")) from None
        batch = SubscriberImport.objects.select_for_update().get(pk=batch.pk)
        if blocker := undo_blocker(batch):
            raise ValueError(blocker)
        subscribers = Subscriber.objects.filter(import_batch=batch)
        unchanged = subscribers.filter(updated_at__lte=batch.finished_at or batch.created_at)
        kept = subscribers.count() - unchanged.count()
        _total, deleted = unchanged.delete()
        removed = deleted.get(Subscriber._meta.label, 0)
        batch.status, batch.undone_at, batch.undone_by = SubscriberImport.Status.UNDONE, timezone.now(), user
        batch.removed_count, batch.kept_count = removed, kept
        batch.save()
    logger.info("newsletter import %s undone: %d deleted, %d kept", batch.pk, removed, kept)
    return removed, kept
