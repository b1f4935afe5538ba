"""Background work for the agenda: keeping the search index in step with bulk writes.

Imports write events in bulk, which sends no signals, so the search index is updated here once the import has
committed. (Big imports themselves run as `events.importing.background.run_import_task`.)
"""

from __future__ import annotations

import logging

from django_tasks import task
from wagtail.search.backends import get_search_backends

from events.models import Event

logger = logging.getLogger("los.events")


@task()
def reindex_events(ids: list[int]) -> None:
    """Update the search index for events written in bulk (bulk writes send no signals)."""
    for backend in get_search_backends(with_auto_update=True):
        try:
            for start in range(0, len(ids), 1000):
                events = list(Event.objects.filter(pk__in=ids[start : start + 1000]))
                if events:
                    backend.add_bulk(Event, events)
        except Exception:  # the search index must never break an import
            logger.exception("Updating the search index for %s events failed", len(ids))
