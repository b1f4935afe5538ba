"""The visitor's filters on the agenda page (city, theme, month, past events), read from the query string.

The page hands in the events to filter (`Event.objects.published()`), so this module needs no models and the
page can import it: what to select is the queryset's (`EventQuerySet.upcoming`, `in_month`), what the
visitor asked for is read here.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone

from home.models import Theme
from security.query_params import clean_query

if TYPE_CHECKING:
    from events.models import EventQuerySet

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass
class AgendaFilters:
    """The visitor's choices on the agenda page, validated: unknown values are dropped, never an error."""

    events: EventQuerySet = field(repr=False, compare=False)  # the published events the filters choose from
    city: str = ""
    theme: Theme | None = None
    month: datetime.date | None = None
    past: bool = False
    cities: list[str] | None = None
    themes: list[Theme] | None = None

    @classmethod
    def from_request(
        cls,
        request: HttpRequest,
        events: EventQuerySet,
        *,
        locale_id: int | None = None,
        force_upcoming: bool = False,
    ) -> AgendaFilters:
        cities = list(events.exclude(city="").order_by("city").values_list("city", flat=True).distinct()[:200])
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
        return cls(events, city=city, theme=theme, month=month, past=past, cities=cities, themes=themes)

    def queryset(self) -> EventQuerySet:
        now = timezone.now()
        if self.past:
            events = self.events.past(now).order_by("-start", "-pk")
        else:
            events = self.events.upcoming(now).order_by("start", "pk")
        if self.city:
            events = events.filter(city=self.city)
        if self.theme is not None:
            events = events.filter(themes__slug=self.theme.slug)
        if self.month is not None:
            events = events.in_month(self.month)
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
