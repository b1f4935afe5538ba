"""The agenda's models: events (events.py), the record of each import (imports.py) and the agenda page
(pages.py)."""

from events.models.events import AMSTERDAM, Event, EventQuerySet, source_language
from events.models.imports import ImportBatch
from events.models.pages import EVENTS_PER_PAGE, SITEMAP_EVENTS, EventIndexPage

__all__ = [
    "AMSTERDAM",
    "EVENTS_PER_PAGE",
    "SITEMAP_EVENTS",
    "Event",
    "EventIndexPage",
    "EventQuerySet",
    "ImportBatch",
    "source_language",
]
