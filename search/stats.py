"""Popular and zero-result queries, counted without knowing who searched and without a write per request.

Each search adds one to a buffer in the cache (normalised query, language, whether it found anything). At most
once per ``SEARCH_STATS_FLUSH_SECONDS`` (an atomic ``cache.add`` lock, shared by every app server when the
cache is Redis) the buffer is added to ``SearchTermCount`` rows for today. Only short queries are counted
(at most ``MAX_WORDS`` words and ``MAX_LENGTH`` characters): long queries are more likely to contain a name or
a personal story. Concurrent requests may lose an increment; for popularity figures that is acceptable.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from security.query_params import search_terms

logger = logging.getLogger("los.search")

BUFFER_KEY = "search:stats:buffer"
LOCK_KEY = "search:stats:flush-lock"
MAX_WORDS = 4
MAX_LENGTH = 60


def normalise(query: str) -> str:
    """Lower-case words without punctuation; empty when the query is too long to count."""
    terms = search_terms(query)
    if not terms or len(terms) > MAX_LENGTH or len(terms.split()) > MAX_WORDS:
        return ""
    return terms


def record_query(query: str, *, language: str, found: int) -> None:
    term = normalise(query)
    if not term:
        return
    buffer = cache.get(BUFFER_KEY) or {}
    key = f"{language}\t{term}"
    searches, zero = buffer.get(key, (0, 0))
    buffer[key] = (searches + 1, zero + (0 if found else 1))
    cache.set(BUFFER_KEY, buffer, None)
    if cache.add(LOCK_KEY, 1, settings.SEARCH_STATS_FLUSH_SECONDS):
        flush()


def flush() -> int:
    """Write the buffered counts to the database; returns the number of terms written."""
    from search.models import SearchTermCount

    buffer = cache.get(BUFFER_KEY) or {}
    if not buffer:
        return 0
    cache.delete(BUFFER_KEY)
    today = timezone.localdate()
    with transaction.atomic():
        for key, (searches, zero) in buffer.items():
            language, term = key.split("\t", 1)
            row, created = SearchTermCount.objects.get_or_create(
                term=term, language=language, date=today, defaults={"searches": searches, "zero_results": zero}
            )
            if not created:
                SearchTermCount.objects.filter(pk=row.pk).update(
                    searches=F("searches") + searches, zero_results=F("zero_results") + zero
                )
    return len(buffer)


def term_totals(days: int):
    """Searches and zero-result searches per (term, language) over the last `days` days, buffer included."""
    import datetime

    from django.db.models import Sum

    from search.models import SearchTermCount

    flush()  # include what the cache buffer holds
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return (
        SearchTermCount.objects.filter(date__gte=since)
        .values("term", "language")
        .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
    )


def zero_result_terms(days: int, limit: int = 50):
    """The terms that most often found nothing over the last `days` days."""
    return term_totals(days).filter(zero_results__gt=0).order_by("-zero_results", "term")[:limit]
