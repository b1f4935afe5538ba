"""schema.org structured data for an event's page, for search engines."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from events.models import Event


def event_json_ld(event: Event, url: str) -> SafeString:
    """schema.org Event data for search engines, as JSON safe to put inside a <script> element."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": event.local_start.date().isoformat() if event.all_day else event.local_start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.local_end:
        data["endDate"] = event.local_end.date().isoformat() if event.all_day else event.local_end.isoformat()
    if event.description:
        data["description"] = event.description[:500]
    places = []
    if event.location or event.city or event.address:
        places.append(
            {
                "@type": "Place",
                "name": event.location or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.address,
                    "addressLocality": event.city,
                    "addressCountry": "NL",
                },
            }
        )
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
        data["eventAttendanceMode"] = (
            "https://schema.org/MixedEventAttendanceMode"
            if len(places) > 1
            else "https://schema.org/OnlineEventAttendanceMode"
            if event.online_url
            else "https://schema.org/OfflineEventAttendanceMode"
        )
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser}
    if event.language in ("nl", "en"):
        data["inLanguage"] = event.language
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308
