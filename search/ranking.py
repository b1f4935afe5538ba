"""How search orders matches, shared by the backends: the engine's relevance (title above summary above body,
whole words above compound parts: search/backends/wagtail_database.py and the Elasticsearch query's field
weights) times a bounded recency factor.

Recency: relevance x (1 + RECENCY_WEIGHT x 0.5 ^ (age in days / RECENCY_HALF_LIFE_DAYS)). A page of today gets
at most 25 % more, one of a year ago 12.5 %, an undated page nothing: recency orders matches of about equal
relevance (the newest news first) but never lifts a body mention above a title match (ten times the score).
The Elasticsearch query applies the same formula as a function_score (search/backends/elastic/query.py).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

RECENCY_WEIGHT = 0.25
RECENCY_HALF_LIFE_DAYS = 365


def recency_factor(date: datetime.date | None, today: datetime.date) -> float:
    if date is None:
        return 1.0
    age = max((today - date).days, 0)
    return 1.0 + RECENCY_WEIGHT * 0.5 ** (age / RECENCY_HALF_LIFE_DAYS)


def by_relevance(ids: set[int], scores: dict[int, float], dates: dict[int, datetime.date | None]) -> list[int]:
    """``ids`` best first: the engine's relevance score with the recency factor, the newest page on a tie."""
    today = timezone.localdate()
    final = {pk: scores.get(pk, 0.0) * recency_factor(dates.get(pk), today) for pk in ids}
    return sorted(ids, key=lambda pk: (-final[pk], -ordinal(dates.get(pk)), -pk))


def ordinal(date: datetime.date | None) -> int:
    return date.toordinal() if date else 0
