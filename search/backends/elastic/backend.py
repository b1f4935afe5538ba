"""``ElasticsearchBackend``: runs the requests of query.py and turns the answers into the shared result shape,
with every hit re-checked against the database (live, public, language, site) before it is shown."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, QuerySet, When
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from home.models import Theme
from search import registry
from search.backends.base import SearchBackend
from search.backends.elastic import index
from search.backends.elastic.connection import TRANSPORT_ERRORS, client, language_of
from search.backends.elastic.query import autocomplete_search, build_page_search, matching_search
from search.results import Facet, FacetValue, SearchParams, SearchResponse, hits_for, load_pages
from search.scope import scope


class ElasticsearchBackend(SearchBackend):
    """Search on the Elasticsearch cluster of ``SEARCH_ELASTICSEARCH["URL"]``."""

    name = "elasticsearch"
    unavailable_errors = TRANSPORT_ERRORS

    def search(self, params: SearchParams, *, site: Site | None, locale: Locale, request: Any = None) -> SearchResponse:
        if not params.query:
            return SearchResponse(params=params, backend=self.name)
        client()
        result = build_page_search(params, site=site, locale=locale).execute()
        return response_from(result, params, site=site, locale=locale, request=request)

    def autocomplete(self, terms: str, *, site: Site | None, locale: Locale, limit: int) -> list[Page]:
        client()
        result = autocomplete_search(terms, language_of(locale), limit).execute()
        ids = [int(option._id) for option in result.suggest.titles[0].options]
        allowed = set(scope(site, locale).filter(pk__in=ids).values_list("pk", flat=True))
        return load_pages([pk for pk in ids if pk in allowed][:limit])

    def matching_ids(self, pages: QuerySet, terms: str, *, language_code: str) -> list[int]:
        candidates = list(pages.order_by().values_list("pk", flat=True))
        if not candidates:
            return []
        client()
        result = matching_search(terms, candidates, language_of(language_code)).execute()
        # Only ids the caller offered: the index may lag behind the database.
        offered = set(candidates)
        return [int(hit.meta.id) for hit in result if int(hit.meta.id) in offered]

    def sync_page(self, page_id: int) -> None:
        index.sync_page(page_id)

    def remove_page(self, page_id: int) -> None:
        index.remove_page(page_id)


def response_from(
    result: Any, params: SearchParams, *, site: Site | None, locale: Locale, request: Any = None
) -> SearchResponse:
    """The SearchResponse from a FacetedResponse: hits re-checked against the database (live, public, language,
    site), Elasticsearch's highlight as excerpt, facet values labelled, the phrase suggestion."""
    response = SearchResponse(params=params, backend=ElasticsearchBackend.name)
    response.total = result.hits.total.value
    response.paginate()
    ids = [int(hit.meta.id) for hit in result]
    allowed = set(scope(site, locale).filter(pk__in=ids).values_list("pk", flat=True))
    highlights = {int(hit.meta.id): getattr(hit.meta, "highlight", None) for hit in result}
    response.hits = hits_for(load_pages([pk for pk in ids if pk in allowed]), params.query, request)
    for hit in response.hits:
        fragments = highlights.get(hit.page.pk)
        if fragments is not None and "body" in fragments:
            # encoder=html: Elasticsearch escaped the text before adding <mark>.
            hit.excerpt = mark_safe(fragments.body[0])  # noqa: S308
    labels = _facet_labels(locale)
    for name, values in result.facets.to_dict().items():
        facet_label, value_labels = labels.get(name, (name, {}))
        response.facets.append(
            Facet(
                name,
                facet_label,
                [FacetValue(str(v), value_labels.get(str(v), str(v)), n, selected) for v, n, selected in values],
            )
        )
    suggestions = getattr(result, "suggest", None)
    if suggestions and suggestions.did_you_mean and suggestions.did_you_mean[0].options:
        response.suggestion = suggestions.did_you_mean[0].options[0].text
    return response


def _facet_labels(locale: Locale) -> dict[str, tuple[str, dict[str, str]]]:
    labels: dict[str, tuple[str, dict[str, str]]] = {
        "type": (_("Soort inhoud"), {f.key: f.label for f in registry.families()}),
        # Dutch names, replaced by the names in `locale` where the themes have been translated.
        "theme": (
            _("Thema"),
            dict(
                Theme.objects.filter(locale__in=[locale, Locale.get_default()])
                .order_by(Case(When(locale=locale, then=1), default=0))
                .values_list("slug", "name")
            ),
        ),
        "year": (_("Jaar"), {}),
    }
    for name, pairs in registry.family_facets().items():
        choices: dict[str, str] = {}
        for family, facet in pairs:
            choices.update({str(k): str(v) for k, v in family.model._meta.get_field(facet.field).flatchoices})
        labels[name] = (str(pairs[0][1].label), choices)
    return labels
