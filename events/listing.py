"""Related events for other pages: upcoming agenda items that share a theme or a city.

Campaign and project pages (and any other page) list their related events with one call::

    from events.listing import related_events
    related_events(themes=page.themes.all(), limit=3)      # upcoming, published, sharing a theme

or in a template::

    {% load events_tags %}
    {% related_events themes=page.themes.all limit=3 %}     # renders templates/components/event_list.html

Both return/render nothing when no upcoming event matches, so pages can call them unconditionally. The agenda
page's own filters are in events/filters.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from events.models import Event
from home.models import Theme


def related_events(*, themes: Iterable[Theme] | QuerySet | None = None, city: str = "", limit: int = 3) -> list[Event]:
    """Upcoming published events sharing one of `themes` (matched by slug, so translations count) and/or in
    `city`; at most `limit`, soonest first (originals: Event.prepare_for_display shows them)."""
    events = Event.objects.published().upcoming()
    if themes is not None:
        slugs = {theme.slug for theme in themes}
        if not slugs:
            return []
        events = events.filter(themes__slug__in=slugs).distinct()
    if city:
        events = events.filter(city__iexact=city)
    return list(events.order_by("start", "pk")[: max(0, min(limit, 50))])
