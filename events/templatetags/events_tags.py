"""Template tags to show agenda items on other pages (campaigns, projects, the home page).

    {% load events_tags %}
    {% related_events themes=page.themes.all limit=3 %}
    {% related_events city="Utrecht" heading="Bijeenkomsten in Utrecht" %}

Renders templates/components/event_list.html, or nothing when no upcoming event matches.
"""

from __future__ import annotations

from django import template

from events.listing import related_events as find_related_events
from events.models import Event, EventIndexPage

register = template.Library()


@register.inclusion_tag("components/event_list.html", takes_context=True)
def related_events(context, themes=None, city: str = "", limit: int = 3, heading: str = "") -> dict:
    request = context.get("request")
    events = Event.in_active_language(find_related_events(themes=themes, city=city, limit=limit))
    agenda = EventIndexPage.for_active_language() if events else None
    if agenda is not None:
        agenda.attach_urls(events, request)
    return {
        "events": events,
        "heading": heading,
        "agenda_url": agenda.get_url(request=request) if agenda else "",
        "request": request,
    }
