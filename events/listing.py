"""Which events the agenda shows: filters from the query string, and related events for other pages.

Campaign and project pages (and any other page) list their related events with one call::

    from events.listing import related_events
    related_events(themes=page.themes.all(), limit=3)      # upcoming, published, sharing a theme

or in a template::

    {% load events_tags %}
    {% related_events themes=page.themes.all limit=3 %}     # renders templates/components/event_list.html

Both return/render nothing when no upcoming event matches, so pages can call them unconditionally.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from events.models import AMSTERDAM, Event
from home.models import Theme
from security.query_params import clean_query

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def published_events() -> QuerySet[Event]:
    """Published originals: every listing, filter and count sees each event once, whatever its translations
    (translations are swapped in for display by Event.in_active_language)."""
    return Event.objects.originals().filter(published=True)


def upcoming_events(now: datetime.datetime | None = None) -> QuerySet[Event]:
    """Published events that have not ended yet (an event without an end counts until the end of its day)."""
    now = now or timezone.now()
    today_start = timezone.localtime(now, AMSTERDAM).replace(hour=0, minute=0, second=0, microsecond=0)
    from django.db.models import Q

    return published_events().filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=today_start))


def related_events(*, themes: Iterable[Theme] | QuerySet | None = None, city: str = "", limit: int = 3) -> list[Event]:
    """Upcoming published events sharing one of `themes` (matched by slug, so translations count) and/or in
    `city`; at most `limit`, soonest first (originals: Event.prepare_for_display shows them)."""
    events = upcoming_events()
    if themes is not None:
        slugs = {theme.slug for theme in themes}
        if not slugs:
            return []
        events = events.filter(themes__slug__in=slugs).distinct()
    if city:
        events = events.filter(city__iexact=city)
    return list(events.order_by("start", "pk")[: max(0, min(limit, 50))])


@dataclass
class AgendaFilters:
    """The visitor's choices on the agenda page, validated: unknown values are dropped, never an error."""

    city: str = ""
    theme: Theme | None = None
    month: datetime.date | None = None
    past: bool = False
    cities: list[str] | None = None
    themes: list[Theme] | None = None

    @classmethod
    def from_request(
        cls, request: HttpRequest, *, locale_id: int | None = None, force_upcoming: bool = False
    ) -> AgendaFilters:
        cities = list(
            published_events().exclude(city="").order_by("city").values_list("city", flat=True).distinct()[:200]
        )
        themes_qs = Theme.objects.all()
        if locale_id is not None:
            themes_qs = themes_qs.filter(locale_id=locale_id)
        themes = list(themes_qs)

        city_raw = clean_query(request.GET.get("plaats", ""))
        city = next((c for c in cities if c.casefold() == city_raw.casefold()), "") if city_raw else ""
        theme_raw = clean_query(request.GET.get("thema", ""))
        theme = next((t for t in themes if t.slug == theme_raw), None) if theme_raw else None
        month = None
        match = _MONTH.match(clean_query(request.GET.get("maand", "")))
        if match:
            year, number = int(match.group(1)), int(match.group(2))
            if 2000 <= year <= 2100 and 1 <= number <= 12:
                month = datetime.date(year, number, 1)
        past = not force_upcoming and request.GET.get("verleden", request.GET.get("past", "")) == "1"
        return cls(city=city, theme=theme, month=month, past=past, cities=cities, themes=themes)

    def queryset(self) -> QuerySet[Event]:
        now = timezone.now()
        if self.past:
            events = published_events().filter(start__lt=now).order_by("-start", "-pk")
        else:
            events = upcoming_events(now).order_by("start", "pk")
        if self.city:
            events = events.filter(city=self.city)
        if self.theme is not None:
            events = events.filter(themes__slug=self.theme.slug)
        if self.month is not None:
            first = datetime.datetime.combine(self.month, datetime.time(), tzinfo=AMSTERDAM)
            next_month = (self.month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            last = datetime.datetime.combine(next_month, datetime.time(), tzinfo=AMSTERDAM)
            events = events.filter(start__gte=first, start__lt=last)
        return events.prefetch_related("themes")

    def params(self, *, include_past: bool = True) -> dict[str, str]:
        """The active filters as query-string parameters (for pagination links and the feed URL)."""
        params = {}
        if self.city:
            params["plaats"] = self.city
        if self.theme is not None:
            params["thema"] = self.theme.slug
        if self.month is not None:
            params["maand"] = self.month.strftime("%Y-%m")
        if self.past and include_past:
            params["verleden"] = "1"
        return params

    @property
    def month_value(self) -> str:
        return self.month.strftime("%Y-%m") if self.month else ""

    @property
    def active(self) -> bool:
        return bool(self.city or self.theme or self.month)

    def month_options(self) -> list[tuple[str, datetime.date]]:
        """The next twelve months (or the last twelve, for the past), for the month filter."""
        today = timezone.localdate()
        first = today.replace(day=1)
        options = []
        for offset in range(12):
            index = first.month - 1 + (-offset if self.past else offset)
            year, month = first.year + index // 12, index % 12 + 1
            day = datetime.date(year, month, 1)
            options.append((day.strftime("%Y-%m"), day))
        return options
