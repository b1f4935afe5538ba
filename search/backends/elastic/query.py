"""The Elasticsearch requests, built with ``elasticsearch.dsl`` (and testable as data with ``to_dict()``): the
faceted page search, the completion suggester for autocomplete and the match among given pages."""

from __future__ import annotations

from typing import Any

from elasticsearch.dsl import FacetedSearch, Q, Search, TermsFacet
from wagtail.models import Locale, Site

from search import analysis, registry
from search.backends.elastic.connection import ALIAS, alias_name, language_of
from search.ranking import RECENCY_HALF_LIFE_DAYS, RECENCY_WEIGHT
from search.results import MAX_RESULT_WINDOW, SearchParams
from search.scope import site_root_paths

# Title, title parts, summary and body weigh as on PostgreSQL (1.0, 0.5, 0.4, 0.1: the levels in
# search/backends/wagtail_database.py): a compound's parts below the whole words of their own field ("detentie"
# in a title "Vreemdelingendetentie" below a title "Detentie") and a summary's parts above the body, so a word the
# lexicon does not know (searched by its parts) still ranks a summary match above a body match. The lemmas weigh
# as the body, the body's compound parts least.
FIELDS = ["title^10", "title_parts^5", "summary^4", "summary_parts^4", "body", "analysis", "parts^0.5"]


def text_query(query: str, language_code: str = "nl") -> Q:
    """All words must match (AND, across title, summary, body and the lexicon's words: search/analysis.py), each
    word as its lemma, so "kind" finds "kinderen" and "detentie" finds "vreemdelingendetentie" as on the
    database; an exact phrase scores higher; the last word may be the start of a word (phrase_prefix), so
    "verblijfsvergun" already finds "verblijfsvergunning"."""
    lemmas = analysis.query_terms(query, language_code)
    return Q(
        "bool",
        should=[
            Q("multi_match", query=lemmas, fields=FIELDS, operator="and", type="cross_fields"),
            Q("multi_match", query=query, fields=["title^4", "body^2"], type="phrase", slop=1),
            Q("multi_match", query=query, fields=["title^2", "body"], type="phrase_prefix"),
        ],
        minimum_should_match=1,
    )


def with_recency(relevance: Q) -> Q:
    """relevance x (1 + RECENCY_WEIGHT x 0.5 ^ (age / half-life)) for dated pages, x 1 for undated ones: the
    database backend's formula (``search.backends.database.recency_factor``) as a function_score."""
    return Q(
        "function_score",
        query=relevance,
        functions=[
            {"weight": 1},
            {
                "filter": {"exists": {"field": "date"}},
                "exp": {"date": {"origin": "now/d", "scale": f"{RECENCY_HALF_LIFE_DAYS}d", "decay": 0.5}},
                "weight": RECENCY_WEIGHT,
            },
        ],
        score_mode="sum",
        boost_mode="multiply",
    )


class PageSearch(FacetedSearch):
    """Full-text search over one language's index with facets for type, theme, year and family facets."""

    fields = FIELDS

    def __init__(
        self, query: str, *, language_code: str, root_paths: list[str], filters: dict[str, list[str]], sort: str
    ) -> None:
        self.index = alias_name(language_code)
        self.language_code = language_code
        self.using = ALIAS
        self.root_paths = root_paths
        self.facets = {
            "type": TermsFacet(field="family", size=20),
            "theme": TermsFacet(field="themes", size=50),
            "year": TermsFacet(field="year", size=50, order={"_key": "desc"}),
            **{name: TermsFacet(field=name, size=50) for name in registry.family_facets()},
        }
        ordering = [{"date": {"order": "desc", "missing": "_last"}}, "_score"] if sort == "date" else []
        super().__init__(query, filters, ordering)

    def search(self) -> Search:
        s = super().search()
        if self.root_paths:
            s = s.filter("bool", should=[Q("prefix", path=path) for path in self.root_paths], minimum_should_match=1)
        return s

    def query(self, search: Search, query: str) -> Search:
        return search.query(with_recency(text_query(query, self.language_code))) if query else search

    def highlight(self, search: Search) -> Search:
        return search.highlight_options(
            pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", number_of_fragments=1, fragment_size=220
        ).highlight("body", "title")

    def build_search(self) -> Search:
        s = super().build_search()
        if self._query:
            s = s.suggest(
                "did_you_mean",
                self._query,
                phrase={
                    "field": "title",
                    "size": 1,
                    "gram_size": 1,
                    "direct_generator": [{"field": "title", "suggest_mode": "popular"}],
                },
            )
        return s.source(["page_id", "family", "date"])


def build_page_search(params: SearchParams, *, site: Site | None, locale: Locale) -> PageSearch:
    """One page of the faceted search for ``params`` (``from + size`` kept inside the result window)."""
    search = PageSearch(
        params.query,
        language_code=language_of(locale),
        root_paths=site_root_paths(site, locale) if site else [],
        filters=dict(params.filters.items()),
        sort=params.sort,
    )
    start = min((params.page - 1) * params.per_page, MAX_RESULT_WINDOW - params.per_page)
    return search[start : start + params.per_page]


def autocomplete_search(prefix: str, language_code: str, limit: int) -> Search:
    """Titles starting with ``prefix`` (completion suggester); twice ``limit``, as some may be out of scope."""
    return (
        Search(index=alias_name(language_code), using=ALIAS)
        .suggest("titles", prefix, completion={"field": "suggest", "size": limit * 2, "skip_duplicates": True})
        .source(["page_id"])
        .extra(size=0)
    )


def matching_search(terms: str, page_ids: list[Any], language_code: str) -> Search:
    """The pages among ``page_ids`` that match ``terms``, best first: ids only, no facets or highlights."""
    size = min(len(page_ids), MAX_RESULT_WINDOW)
    return (
        Search(index=alias_name(language_code), using=ALIAS)
        .query(text_query(terms, language_code))
        .filter("terms", page_id=page_ids[:size])
        .source(False)
        .extra(size=size)
    )
