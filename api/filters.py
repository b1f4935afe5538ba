"""Extra API filters that a page model declares itself, for /api/v2/pages/?type=app.Model&....

A model lists its filters in `api_filters = {"param": ("orm lookup", "parser")}` with a parser from
`PARSERS`; the news (theme, date_from, date_to) use it; `api/viewsets.py` applies them on the pages endpoint.
Malformed values give a clean 400 with a message, never a 500 (NUL bytes included, which PostgreSQL refuses).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from spreadsheets.parsing import MAX_YEAR, MIN_YEAR

_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError("expected a slug (letters, digits, '-' and '_')")
    return value


def _date(value: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError("expected a date as YYYY-MM-DD") from None
    # 0001-01-01 or 9999-12-31 in Dutch time, or the day after, is no moment the database can be asked about.
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"expected a date between {MIN_YEAR} and {MAX_YEAR}")
    return day


PARSERS: dict[str, Callable[[str], object]] = {"slug": _slug, "date": _date}


def declared_filters(model) -> dict[str, tuple[str, str]]:
    return getattr(model, "api_filters", {}) or {}


class DeclaredFiltersBackend(BaseFilterBackend):
    """Apply the `api_filters` of the requested page type; several values of a filter are combined with OR."""

    def filter_queryset(self, request, queryset, view):
        filters = declared_filters(queryset.model)
        for param, (lookup, parser_name) in filters.items():
            raw = request.GET.get(param)
            if raw is None:
                continue
            values = [part.strip() for part in raw.split(",") if part.strip()]
            try:
                parsed = [PARSERS[parser_name](value) for value in values]
            except ValueError as error:
                raise BadRequestError(f"filter error: {param}: {error}") from None
            if not parsed:
                continue
            if len(parsed) == 1:
                queryset = queryset.filter(**{lookup: parsed[0]})
            elif parser_name == "date":
                raise BadRequestError(f"filter error: {param}: give one date")
            else:
                queryset = queryset.filter(**{f"{lookup}__in": parsed}).distinct()
        return queryset
