"""iCalendar (RFC 5545) files for one event and for the (filtered) agenda, written with the icalendar package."""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, vText
from icalendar import Event as ICalEvent

from security.downloads import file_response, xml_text

logger = logging.getLogger("los.events")

if TYPE_CHECKING:  # the agenda page (events.models.pages) imports this module
    from events.models import Event, EventIndexPage


def build_calendar(
    request: HttpRequest, index_page: EventIndexPage, events: list[Event], *, name: str = "Agenda Stichting LOS"
) -> bytes:
    """An iCalendar file of `events`, each linking to its page under `index_page`. Text goes through `xml_text`:
    iCalendar allows no control characters either, and icalendar writes them as they are (a title from before the
    admin cleaned pasted text, or an imported description, could carry Word's vertical tab into every feed)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Stichting LOS//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    host = request.get_host().split(":")[0] or "stichtinglos.nl"
    stamp = timezone.now()
    for event in events:
        try:
            item = _event_item(request, index_page, event, host, stamp)
        except (OverflowError, ValueError):
            # A date at the edge of the calendar (31-12-9999 plus a day, the year 1 in UTC) cannot be written. The
            # admin refuses such years now; an event stored before is left out rather than fail the whole feed.
            logger.warning("Event %s left out of a calendar: its dates cannot be written", event.pk)
            continue
        calendar.add_component(item)
    return calendar.to_ical()


def _event_item(request: HttpRequest, index_page: EventIndexPage, event: Event, host: str, stamp) -> ICalEvent:
    item = ICalEvent()
    # The original's id: the same event has one UID in every language's feed.
    item.add("uid", f"event-{getattr(event, 'original_pk', event.pk)}@{host}")
    item.add("dtstamp", stamp)
    item.add("summary", xml_text(event.title))
    if event.all_day:
        first = event.local_start.date()
        last = event.local_end.date() if event.local_end else first
        item.add("dtstart", first)
        item.add("dtend", last + datetime.timedelta(days=1))  # DTEND of a date is exclusive
    else:
        # UTC times need no VTIMEZONE block and mean the same moment in every calendar program.
        item.add("dtstart", event.start.astimezone(datetime.UTC))
        end = event.end or event.start + datetime.timedelta(hours=1)
        item.add("dtend", end.astimezone(datetime.UTC))
    place = ", ".join(part for part in (event.location, event.address, event.city) if part)
    if place:
        item.add("location", xml_text(place))
    if event.description:
        item.add("description", xml_text(event.description))
    url = request.build_absolute_uri(index_page.event_url(event, request))
    item.add("url", url)
    if event.organiser:
        # Our own property has no value type icalendar knows: as plain text it is written unescaped, and a
        # line break in it made every feed answer 500. As vText it is escaped like SUMMARY and LOCATION.
        item.add("x-los-organiser", vText(xml_text(event.organiser)))
    item.add("last-modified", event.updated_at)
    return item


def calendar_response(
    request: HttpRequest, index_page: EventIndexPage, events: list[Event], *, filename: str
) -> HttpResponse:
    calendar = build_calendar(request, index_page, events)
    return file_response(calendar, filename, "text/calendar; charset=utf-8", inline=True)
