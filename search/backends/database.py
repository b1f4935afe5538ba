"""The database backend: Wagtail's database search (PostgreSQL full text per language, SQLite FTS5; see
search/backends/wagtail_database.py) with facets in SQL (database_facets.py), and the "did you mean" words.

Always available: it is the default, and the service's fall-back when Elasticsearch is unreachable."""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from search import analysis, registry
from search.backends.base import SearchBackend
from search.backends.database_facets import Matches, facet_counts
from search.backends.database_pass import count_cap, one_pass
from search.backends.wagtail_database import sqlite_ranked_ids, sqlite_scores
from search.ranking import by_relevance, ordinal
from search.results import MAX_RESULT_WINDOW, WORD, SearchParams, SearchResponse, fold, hits_for, load_pages
from search.scope import scope
from security.query_params import search_terms


def wagtail_backend_name(language_code: str) -> str:
    """The entry of WAGTAILSEARCH_BACKENDS that searches a language (``default`` is Dutch)."""
    name = (language_code or "").split("-")[0]
    return name if name in settings.WAGTAILSEARCH_BACKENDS and name != "nl" else "default"


def wagtail_results(terms: str, pages: QuerySet, language_code: str) -> Any:
    """Wagtail's search results for pages matching all terms, annotated with ``_score``.

    Wagtail's database search builds the match as a subquery on its own index table; ``get_queryset()`` of the
    SQLite and PostgreSQL results gives that queryset before slicing, so facets and filters stay in SQL."""
    backend = get_search_backend(wagtail_backend_name(language_code))
    # Lemmas: the index holds every indexed word's lemma too (search/analysis.py), so all forms meet.
    terms = analysis.query_terms(terms, language_code)
    return backend.search(terms, pages, operator="and", order_by_relevance=True).annotate_score("_score")


def ranked_ids(results: Any, allowed: QuerySet, start: int, stop: int | None) -> list[int]:
    """Ids of the ``allowed`` pages among Wagtail's ``results``, best first, sliced."""
    if connection.vendor == "sqlite":
        # Wagtail's own relevance ordering on SQLite is O(n) subqueries: see sqlite_ranked_ids.
        return sqlite_ranked_ids(results, allowed, start, stop)
    return list(allowed.values_list("pk", flat=True)[start:stop])


class DatabaseBackend(SearchBackend):
    """Search on Wagtail's database index: always there, so also the fall-back."""

    name = "database"

    def search(self, params: SearchParams, *, site: Site | None, locale: Locale, request: Any = None) -> SearchResponse:
        response = SearchResponse(params=params, backend=self.name)
        terms = search_terms(params.query)
        if not terms:
            return response
        results = wagtail_results(terms, scope(site, locale), locale.language_code)
        if connection.vendor == "postgresql":
            return self._search_in_one_pass(response, results, locale, request)
        scored = connection.vendor != "sqlite"
        matches = Matches(results.get_queryset(), params.filters, scored=scored)
        response.facets = facet_counts(matches, params, locale.pk)
        response.total = len(matches.ids())
        start, stop = response.paginate()
        if response.total:
            if params.sort == "date":
                dates = matches.dates
                ids = sorted(
                    matches.ids(),
                    key=lambda pk: (dates.get(pk) is None, -ordinal(dates.get(pk)), -pk),
                )[start:stop]
            else:
                # PostgreSQL's ts_rank came with the matches; SQLite's BM25 takes one more pass over its FTS table.
                scores = matches.scores if scored else sqlite_scores(results, matches.filtered(results.get_queryset()))
                ids = by_relevance(matches.ids(), scores, matches.dates)[start:stop]
            response.hits = hits_for(load_pages(ids), params.query, request)
        return response

    def _search_in_one_pass(
        self, response: SearchResponse, results: Any, locale: Locale, request: Any
    ) -> SearchResponse:
        """PostgreSQL: total, facets and the page of hits in one statement (database_pass.py)."""
        params = response.params
        start = (params.page - 1) * params.per_page
        found = one_pass(results.get_queryset(), params, locale.pk, start, start + params.per_page)
        response.total, response.facets = found.total, found.facets
        response.total_capped, response.facets_capped = found.capped, found.facets_capped
        response.count_cap = count_cap()
        shown_start, shown_stop = response.paginate()
        if shown_start != start and response.total:
            # A page beyond the end: the last page instead (paginate set the message).
            found = one_pass(results.get_queryset(), params, locale.pk, shown_start, shown_stop)
        if response.total:
            response.hits = hits_for(load_pages(found.ids), params.query, request)
        return response

    def autocomplete(self, terms: str, *, site: Site | None, locale: Locale, limit: int) -> list[Page]:
        backend = get_search_backend(wagtail_backend_name(locale.language_code))
        found = backend.autocomplete(terms, scope(site, locale), operator="and")[:limit]
        return load_pages([page.pk for page in found])

    def matching_ids(self, pages: QuerySet, terms: str, *, language_code: str) -> list[int]:
        # Wagtail search filters only on indexed fields (no many-to-many): narrow down by id in a subquery.
        candidates = Page.objects.filter(pk__in=pages.order_by().values("pk"))
        results = wagtail_results(terms, candidates, language_code)
        if connection.vendor == "sqlite":
            return ranked_ids(results, results.get_queryset(), 0, MAX_RESULT_WINDOW)
        # The search page's order (search/ranking.py: relevance with recency, the newest on a tie), not Wagtail's.
        matches = Matches(results.get_queryset(), {}, scored=True)
        return by_relevance(matches.ids(), matches.scores, matches.dates)[:MAX_RESULT_WINDOW]


# Suggestions ("did you mean") --------------------------------------------------------------------------------
VOCABULARY_SIZE = 20_000
VOCABULARY_PAGES = 5_000
VOCABULARY_SECONDS = 30 * 60


def vocabulary(site: Site | None, locale: Locale) -> list[str]:
    """The most frequent words (folded) of the titles and intros of the most recent pages in scope, cached for
    half an hour. Bounded by VOCABULARY_PAGES so that building it stays cheap on a large site."""

    def build() -> list[str]:
        raw: Counter = Counter()
        recent = scope(site, locale).order_by("-first_published_at").values("pk")[:VOCABULARY_PAGES]
        recent_ids = list(recent.values_list("pk", flat=True))
        texts = [Page.objects.filter(pk__in=recent_ids).values_list("title", flat=True)]
        for family in registry.families():
            # The family's plain-text fields (intro, summary) add the everyday words that titles lack.
            pages_of_family = family.model.objects.filter(pk__in=recent_ids)
            texts.extend(pages_of_family.values_list(name, flat=True) for name in family.text_fields)
        for values in texts:
            for text in values.iterator(chunk_size=2000):
                raw.update(WORD.findall((text or "").lower()))
        # Fold each distinct word once (folding is per character and slow on whole texts).
        counts: Counter = Counter()
        for word, n in raw.items():
            if len(word) > 3 and word.isalpha():
                counts[fold(word)] += n
        return [w for w, _n in counts.most_common(VOCABULARY_SIZE)]

    return cache.get_or_set(f"search:vocabulary:{site.pk if site else 0}:{locale.pk}", build, VOCABULARY_SECONDS)


def suggest(query: str, site: Site | None, locale: Locale) -> str:
    """The query with unknown words replaced by the closest frequent word, if that finds something; else ''."""
    terms = fold(search_terms(query)).split()[:8]
    if not terms:
        return ""
    words = vocabulary(site, locale)
    known = set(words)
    suggestion = []
    for term in terms:
        if term in known or len(term) <= 3:
            suggestion.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=0.75)
        suggestion.append(close[0] if close else term)
    result = " ".join(suggestion)
    if result == " ".join(terms):
        return ""
    if wagtail_results(result, scope(site, locale), locale.language_code).get_queryset().exists():
        return result
    return ""
