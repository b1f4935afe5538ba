"""Wagtail database search backend with one PostgreSQL text search configuration per language.

This is the class Wagtail itself loads from ``WAGTAILSEARCH_BACKENDS`` (it indexes pages on save and answers
``.search()``); the search service's database backend (search/backends/database.py) queries through it. It
lives beside the backends because it is the database engine's other half: the same index, seen from Wagtail.

Wagtail's database backend keeps one index table (``modelsearch.IndexEntry``) and builds every tsvector with the
single ``SEARCH_CONFIG`` of the backend. A Dutch page indexed with the English stemmer never matches a Dutch
query, so on PostgreSQL this backend builds each object's vectors with the configuration of the object's own
language (``LANGUAGE_CONFIGS``), and the project declares one query backend per language (``default`` = Dutch,
``en`` = English) that differ only in ``SEARCH_CONFIG``. Both write identical rows, so only ``default`` needs
``AUTO_UPDATE``.

The configurations ``los_dutch`` and ``los_english`` are created by migration ``search.0001`` as copies of
PostgreSQL's ``dutch``/``english`` with the ``unaccent`` dictionary in front of the stemmer, so
"beinvloeding" finds "beïnvloeding" on both sides (index and query) without touching the text.
https://www.postgresql.org/docs/current/unaccent.html

On SQLite the backend is Wagtail's FTS5 backend unchanged: FTS5's default ``unicode61`` tokenizer removes
diacritics, but there is no stemming ("uitzettingen" does not find "uitzetting") and no language choice.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from typing import Any

from django.db import connection
from modelsearch.backends.database import SearchBackend as _vendor_backend


def config_for_language(language_code: str | None, params: dict[str, Any]) -> str | None:
    configs = params.get("LANGUAGE_CONFIGS") or {}
    return configs.get((language_code or "").split("-")[0], params.get("SEARCH_CONFIG"))


def _language_of(obj: Any, locales: dict[int, str]) -> str | None:
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locale_id not in locales:
        from wagtail.models import Locale

        locales.update(Locale.objects.values_list("pk", "language_code"))
    return locales.get(locale_id)


def SearchBackend(params: dict[str, Any]):
    backend = _vendor_backend(params)
    if connection.vendor != "postgresql":
        return backend

    from modelsearch.backends.database.postgres.postgres import PostgresIndex

    class LocalisedPostgresIndex(PostgresIndex):
        """Builds each object's tsvectors with the text search configuration of the object's language."""

        def add_items(self, model, objs):
            groups: dict[str | None, list] = defaultdict(list)
            locales: dict[int, str] = {}
            for obj in objs:
                groups[config_for_language(_language_of(obj, locales), params)].append(obj)
            own_backend = self.backend
            try:
                for config, group in groups.items():
                    # ObjectIndexer reads backend.config when it is created: hand it a copy per language.
                    self.backend = copy.copy(own_backend)
                    self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend = own_backend

    backend.index_class = LocalisedPostgresIndex
    return backend


def sqlite_ranked_ids(results: Any, allowed: Any, start: int, stop: int) -> list[int]:
    """Page ids of SQLite FTS5 matches, best first, among the pages of the ``allowed`` queryset.

    Wagtail's SQLite backend orders by relevance through a correlated subquery that runs the FTS match once per
    matching row: 137 seconds for a common word at 10,000 pages (bench/search_bench.py). Here the same BM25
    ranking is computed in one pass over the FTS table, restricted to the allowed pages, sorted and sliced."""
    from django.db.models import TextField
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Page

    compiler = results.query_compiler
    search_query = compiler.build_search_query(normalize(compiler.query), config=None)
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), None)
    allowed_ids = allowed.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
    rows = (
        SQLiteFTSIndexEntry.objects.filter(MatchExpression(compiler.FTS_TABLE_FIELDS, search_query))
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(Page),
            index_entry__object_id__in=allowed_ids,
        )
        .annotate(score=rank)
        .order_by("score", "-index_entry__object_id")
        .values_list("index_entry__object_id", flat=True)[start:stop]
    )
    return [int(pk) for pk in rows]
