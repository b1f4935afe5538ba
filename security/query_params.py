"""Cleaning of untrusted query-string input shared by listings and search."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[^\w\s]+")

MAX_QUERY_LENGTH = 200
MAX_PAGE_NUMBER = 10_000


def clean_query(raw: str | None) -> str:
    """A search query safe for every backend: no control characters (NUL breaks PostgreSQL), trimmed, capped."""
    if not raw:
        return ""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH].strip()


def page_number(raw: str | None) -> int:
    """A page number from the query string; anything malformed means the first page."""
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


def search_terms(query: str) -> str:
    """Plain words for a full-text backend: punctuation dropped and lower-cased, so quotes, brackets and
    upper-case AND/OR/NOT/NEAR never reach SQLite FTS5 or PostgreSQL as query syntax."""
    return " ".join(_NON_WORD.sub(" ", query).lower().split())
