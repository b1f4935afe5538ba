"""The one search service: the search page, the header suggestions, the JSON API and the publication overview's
text filter call ``search()``, ``autocomplete()`` or ``matching_ids()`` here, with cleaned parameters, and get the
shared result shape (search/results.py) back.

Results are live, public (no view restrictions), in the active language and on the given site only, and
restricted to the registered content families (search/registry.py, search/scope.py). The service picks the
backend (search/backends/): the database by default, Elasticsearch when ``SEARCH_ELASTICSEARCH["URL"]`` is set;
when Elasticsearch raises one of its ``unavailable_errors`` the database backend answers instead (logged without
the query text). Promotions and the "did you mean" fall-back are the service's own, the same for both backends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Site
from wagtail.search.utils import normalise_query_string

from search import registry
from search.backends.base import SearchBackend
from search.backends.database import DatabaseBackend, suggest
from search.results import FacetValue, Hit, SearchParams, SearchResponse, Section, hits_for, load_pages
from search.scope import current_locale, remembered, scope
from search.stats import record_query
from security.query_params import clean_query, search_terms

logger = logging.getLogger("los.search")

T = TypeVar("T")


def elastic_enabled() -> bool:
    return bool(getattr(settings, "SEARCH_ELASTICSEARCH", {}).get("URL"))


def backend() -> SearchBackend:
    """The backend that answers first: Elasticsearch when configured, else the database."""
    if elastic_enabled():
        # Imported here: the Elasticsearch client is only loaded where a cluster is configured.
        from search.backends.elastic.backend import ElasticsearchBackend

        return ElasticsearchBackend()
    return DatabaseBackend()


def _answer(ask: Callable[[SearchBackend], T], what: str) -> T:
    """``ask`` the chosen backend; if it is unavailable, ask the database backend instead (the database backend
    has no ``unavailable_errors``: its errors are real errors)."""
    chosen = backend()
    try:
        return ask(chosen)
    except chosen.unavailable_errors as error:
        # Privacy: the query text is never logged, only that and why the cluster failed.
        logger.warning("Elasticsearch unavailable (%s); %s falling back to database", type(error).__name__, what)
    return ask(DatabaseBackend())


def search(
    params: SearchParams,
    *,
    site: Site | None,
    locale: Locale | None = None,
    request: Any = None,
    record: bool = False,
) -> SearchResponse:
    """Search the current site in the current language. Never raises for bad input."""
    locale = locale or current_locale()
    with remembered():
        return _search(params, site=site, locale=locale, request=request, record=record)


def _search(params: SearchParams, *, site: Site | None, locale: Locale, request: Any, record: bool) -> SearchResponse:
    response = _answer(lambda engine: engine.search(params, site=site, locale=locale, request=request), "search")
    if response.params.query:
        with_item_sources(response, site, locale, request)
        if response.page == 1:
            response.promotions = promotions(params.query, site, locale, request)
        found = response.total + sum(section.total for section in response.sections)
        if not found and not response.suggestion:
            response.suggestion = suggest(params.query, site, locale)
        if record:
            record_query(params.query, language=locale.language_code, found=found)
    return response


SECTION_SIZE = 3


def with_item_sources(response: SearchResponse, site: Site | None, locale: Locale, request: Any = None) -> None:
    """Add the registered item sources (agenda items) to a page search: each as a value of the type facet with
    its count, and its first few items as a section above the pages on the first page. When the visitor chose
    only item sources as type ("Agenda"), their items are the results, page by page. Items have no theme, year
    or family facet: with such a filter chosen they are neither counted nor shown."""
    params = response.params
    sources = registry.sources()
    if not sources or any(name != "type" for name in params.filters):
        return
    chosen = set(params.filters.get("type", []))
    only_items = bool(chosen) and chosen <= {source.key for source in sources}
    terms = search_terms(params.query)
    type_facet = next((facet for facet in response.facets if facet.name == "type"), None)
    for source in sources:
        wanted = not chosen or source.key in chosen
        if only_items and wanted:
            total = _item_results(response, source, terms, site, locale, request)
        else:
            limit = SECTION_SIZE if wanted and response.page == 1 else 0
            total, hits = source.find(terms, site=site, locale=locale, request=request, limit=limit)
            if total and limit:
                response.sections.append(Section(source.key, str(source.label), total, hits))
        if type_facet is not None and (total or source.key in chosen):
            label = source.type_label or source.label
            type_facet.values = [value for value in type_facet.values if value.value != source.key]
            type_facet.values.append(FacetValue(source.key, label, total, source.key in chosen))


def _item_results(
    response: SearchResponse, source: registry.ItemSource, terms: str, site: Site | None, locale: Locale, request: Any
) -> int:
    """One source's items as the page of results (the visitor chose only this type); returns how many match."""
    per_page = response.params.per_page
    offset = (response.params.page - 1) * per_page
    total, hits = source.find(terms, site=site, locale=locale, request=request, limit=per_page, offset=offset)
    response.total = total
    start, _stop = response.paginate()
    if start != offset:  # a page beyond the end: the last page instead
        total, hits = source.find(terms, site=site, locale=locale, request=request, limit=per_page, offset=start)
    response.hits = hits
    return total


def autocomplete(
    query: str, *, site: Site | None, locale: Locale | None = None, request: Any = None, limit: int = 6
) -> list[dict[str, str]]:
    """Up to ``limit`` titles for a partly typed query: [{"title", "url", "type"}]."""
    locale = locale or current_locale()
    terms = search_terms(clean_query(query))
    if len(terms) < 2:
        return []
    pages = _answer(lambda engine: engine.autocomplete(terms, site=site, locale=locale, limit=limit), "autocomplete")
    by_content_type = registry.families_by_content_type()
    return [
        {"title": page.title, "url": page.get_url(request=request) or "", "type": str(family.label)}
        for page in pages
        if (family := by_content_type.get(page.content_type_id)) is not None
    ]


def matching_ids(pages: QuerySet, query: str, *, language_code: str | None = None) -> list[int]:
    """The ids of ``pages`` that match every word of ``query``, most relevant first (at most 10,000).

    For a listing with its own filters (the publication overview's ``?q=``): the caller picks the candidates,
    search decides which of them match, with the same words, stemming and engine as the search page, in the
    active language unless ``language_code`` says otherwise. An empty query matches nothing; the caller shows
    its unfiltered list then."""
    terms = search_terms(clean_query(query))
    if not terms:
        return []
    language_code = language_code or get_language() or settings.LANGUAGE_CODE
    return _answer(lambda engine: engine.matching_ids(pages, terms, language_code=language_code), "text filter")


def promotions(query: str, site: Site | None, locale: Locale, request: Any = None) -> list[Hit]:
    """Editors' recommended pages for this exact (normalised) query; read-only (no Query row is created)."""
    normalised = normalise_query_string(query)
    if not normalised:
        return []
    picks = SearchPromotion.objects.filter(query__query_string=normalised, page__isnull=False).order_by("sort_order")
    allowed = set(scope(site, locale).filter(pk__in=picks.values("page_id")).values_list("pk", flat=True))
    ids = [pk for pk in picks.values_list("page_id", flat=True) if pk in allowed]
    return hits_for(load_pages(ids), query, request, promoted=True)
