"""Elasticsearch backend of the search service, written with ``elasticsearch.dsl``.

- One index per language behind an alias (``los-nl``, ``los-en``), with Dutch or English analysis: lower-case,
  ASCII folding, stop words and a stemmer at index time; the same plus the editors' synonym list
  (``SearchSettings``, a ``synonym_graph`` filter) at search time, so synonyms need no reindex of documents.
- One ``Document`` class per content family (``document_class``), all in the language's index, sharing the
  common fields and adding the family's own facet fields.
- ``PageSearch`` (a ``FacetedSearch``) for facets; highlighting with ``<mark>`` and HTML encoding; a phrase
  suggester for "did you mean"; a completion suggester for autocomplete; phrase and prefix matching.
- Hits are checked against the database (live, public, language, site) before they are shown.
- The client uses a short timeout and no retries: the service falls back to the database on any
  ``TRANSPORT_ERRORS`` (search/service.py).
"""

from __future__ import annotations

import contextlib
import datetime
import logging
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.db.models import Case, When
from django.utils.translation import gettext as _
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    FacetedSearch,
    Index,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
    analyzer,
    connections,
    token_filter,
)
from elasticsearch.helpers import BulkIndexError, bulk
from wagtail.models import Locale, Page, Site

from search import registry

logger = logging.getLogger("los.search")

TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (TransportError, ApiError, BulkIndexError)
ALIAS = "los-search"
LANGUAGES = {"nl": "dutch", "en": "english"}


# Connection --------------------------------------------------------------------------------------------------
def client() -> Elasticsearch:
    """The shared client: short timeout, no retries (a slow cluster must not slow the page down)."""
    config = settings.SEARCH_ELASTICSEARCH
    try:
        return connections.get_connection(ALIAS)
    except KeyError:
        return connections.create_connection(
            alias=ALIAS,
            hosts=[config["URL"]],
            request_timeout=config.get("TIMEOUT", 2),
            max_retries=0,
            retry_on_timeout=False,
        )


def reset_client() -> None:
    """Forget the client (tests that change SEARCH_ELASTICSEARCH call this)."""
    with contextlib.suppress(KeyError):
        connections.remove_connection(ALIAS)


def alias_name(language_code: str) -> str:
    return f"{settings.SEARCH_ELASTICSEARCH.get('INDEX_PREFIX', 'los')}-{language_code}"


# Analysis ----------------------------------------------------------------------------------------------------
def synonyms(language_code: str) -> list[str]:
    from search.models import SearchSettings

    return SearchSettings.load().synonym_lines(language_code)


def analyzers(language_code: str, synonym_lines: list[str] | None = None) -> tuple[Any, Any]:
    """(index analyzer, search analyzer) for a language."""
    language = LANGUAGES[language_code]
    stop = token_filter(f"los_{language_code}_stop", "stop", stopwords=f"_{language}_")
    stem = token_filter(f"los_{language_code}_stemmer", "stemmer", language=language)
    folding = token_filter("los_folding", "asciifolding", preserve_original=False)
    filters: list[Any] = ["lowercase", folding, stop, stem]
    if language_code == "en":
        filters.insert(1, token_filter("los_en_possessive", "stemmer", language="possessive_english"))
    index_analyzer = analyzer(f"los_{language_code}", tokenizer="standard", filter=filters)
    if synonym_lines is None:
        synonym_lines = synonyms(language_code)
    search_filters = list(filters)
    if synonym_lines:
        # Synonyms before folding and stemming, so multi-word synonyms ("zonder verblijfsvergunning") match.
        synonym = token_filter(f"los_{language_code}_synonyms", "synonym_graph", synonyms=synonym_lines, lenient=True)
        search_filters.insert(1, synonym)
    search_analyzer = analyzer(f"los_{language_code}_search", tokenizer="standard", filter=search_filters)
    return index_analyzer, search_analyzer


# Documents ---------------------------------------------------------------------------------------------------
def _text(language_code: str, synonym_lines: list[str] | None) -> Text:
    index_analyzer, search_analyzer = analyzers(language_code, synonym_lines)
    return Text(analyzer=index_analyzer, search_analyzer=search_analyzer)


_document_classes: dict[tuple[str, str], type[Document]] = {}


def document_class(
    family: registry.SearchFamily, language_code: str, synonym_lines: list[str] | None = None
) -> type[Document]:
    """The Document class of one family in one language's index (common fields plus the family's facets)."""
    attrs: dict[str, Any] = {
        "page_id": Integer(),
        "family": Keyword(),
        "path": Keyword(),
        "title": _text(language_code, synonym_lines),
        "body": _text(language_code, synonym_lines),
        "date": Date(),
        "year": Integer(),
        "themes": Keyword(),
        "suggest": Completion(analyzer="simple", preserve_separators=True),
        "__module__": __name__,
    }
    for facet in family.facets:
        attrs[facet.name] = Keyword()
    name = f"{family.model.__name__}{language_code.title()}Document"
    return type(name, (Document,), attrs)


def index_for(language_code: str, name: str | None = None, synonym_lines: list[str] | None = None) -> Index:
    """The Index (settings, analysers and the mappings of every family) for one language."""
    index = Index(name or alias_name(language_code), using=ALIAS)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10_000)
    for family in registry.families():
        index.document(document_class(family, language_code, synonym_lines))
    return index


def document_for(page: Page, family: registry.SearchFamily, language_code: str, index: str) -> dict[str, Any]:
    """The source of one page's document (a dict ready for the bulk API)."""
    date = family.date_of(page)
    theme_slugs: list[str] = []
    if family.theme_field:
        theme_slugs = list(getattr(page, family.theme_field).values_list("slug", flat=True))
    source: dict[str, Any] = {
        "page_id": page.pk,
        "family": family.key,
        "path": page.path,
        "title": page.title,
        "body": family.plain_text(page),
        "date": date.isoformat() if isinstance(date, datetime.date) else None,
        "year": date.year if date else None,
        "themes": theme_slugs,
        "suggest": {"input": [page.title], "weight": 1},
    }
    for facet in family.facets:
        source[facet.name] = str(getattr(page, facet.field, "") or "")
    return {"_index": index, "_id": str(page.pk), "_source": source}


# Searching ---------------------------------------------------------------------------------------------------
class PageSearch(FacetedSearch):
    """Full-text search over one language's index with facets for type, theme, year and family facets."""

    fields = ["title^3", "body"]

    def __init__(self, query: str, *, language_code: str, root_paths: list[str], filters: dict, sort: str):
        self.index = alias_name(language_code)
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

    def search(self):
        s = super().search()
        if self.root_paths:
            s = s.filter("bool", should=[Q("prefix", path=path) for path in self.root_paths], minimum_should_match=1)
        return s

    def query(self, search, query):
        if not query:
            return search
        # All words must match (AND, across title and body); an exact phrase scores higher; the last word may
        # be the start of a word (phrase_prefix), so "verblijfsvergun" already finds "verblijfsvergunning".
        return search.query(
            Q(
                "bool",
                should=[
                    Q("multi_match", query=query, fields=self.fields, operator="and", type="cross_fields"),
                    Q("multi_match", query=query, fields=["title^4", "body^2"], type="phrase", slop=1),
                    Q("multi_match", query=query, fields=["title^2", "body"], type="phrase_prefix"),
                ],
                minimum_should_match=1,
            )
        )

    def highlight(self, search):
        return search.highlight_options(
            pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html", number_of_fragments=1, fragment_size=220
        ).highlight("body", "title")

    def build_search(self):
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


def build_page_search(params: Any, *, site: Site | None, locale: Locale) -> PageSearch:
    from search import service
    from search.service import MAX_RESULT_WINDOW

    search = PageSearch(
        params.query,
        language_code=_language(locale),
        root_paths=service.site_root_paths(site, locale) if site else [],
        filters=dict(params.filters.items()),
        sort=params.sort,
    )
    start = min((params.page - 1) * params.per_page, MAX_RESULT_WINDOW - params.per_page)
    return search[start : start + params.per_page]


def _language(locale: Locale) -> str:
    code = locale.language_code.split("-")[0]
    return code if code in LANGUAGES else "nl"


def search(params: Any, *, site: Site | None, locale: Locale, request: Any = None):
    """Run a search on Elasticsearch and return the service's SearchResponse (hits re-checked in the DB)."""
    from search.service import SearchResponse

    if not params.query:
        return SearchResponse(params=params, backend="elasticsearch")
    client()
    result = build_page_search(params, site=site, locale=locale).execute()
    return response_from(result, params, site=site, locale=locale, request=request)


def response_from(result: Any, params: Any, *, site: Site | None, locale: Locale, request: Any = None):
    """The service's SearchResponse from a FacetedResponse: hits re-checked against the database (live, public,
    language, site), Elasticsearch's highlight as excerpt, facet values labelled, the phrase suggestion."""
    from search import service
    from search.service import Facet, FacetValue, SearchResponse

    response = SearchResponse(params=params, backend="elasticsearch")
    response.total = result.hits.total.value
    service._paginate(response)
    ids = [int(hit.meta.id) for hit in result]
    allowed = set(service.scope(site, locale).filter(pk__in=ids).values_list("pk", flat=True))
    highlights = {int(hit.meta.id): getattr(hit.meta, "highlight", None) for hit in result}
    pages = service.load_pages([pk for pk in ids if pk in allowed])
    response.hits = service._hits_for(pages, params.query, request)
    for hit in response.hits:
        fragments = highlights.get(hit.page.pk)
        if fragments is not None and "body" in fragments:
            # encoder=html: Elasticsearch escaped the text before adding <mark>.
            hit.excerpt = service.mark_safe(fragments.body[0])  # noqa: S308
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
    from home.models import Theme

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


def autocomplete_search(prefix: str, language_code: str, limit: int):
    from elasticsearch.dsl import Search

    return (
        Search(index=alias_name(language_code), using=ALIAS)
        .suggest("titles", prefix, completion={"field": "suggest", "size": limit * 2, "skip_duplicates": True})
        .source(["page_id"])
        .extra(size=0)
    )


def autocomplete(prefix: str, *, site: Site | None, locale: Locale, limit: int = 6) -> list[Page]:
    from search import service

    client()
    result = autocomplete_search(prefix, _language(locale), limit).execute()
    ids = [int(option._id) for option in result.suggest.titles[0].options]
    allowed = set(service.scope(site, locale).filter(pk__in=ids).values_list("pk", flat=True))
    return service.load_pages([pk for pk in ids if pk in allowed][:limit])


# Keeping the index in sync -----------------------------------------------------------------------------------
def _searchable(page: Page) -> bool:
    """Live, public and of a registered family, on some site."""
    from search.service import scope

    if registry.family_for_model(type(page)) is None:
        return False
    return scope(None, page.locale).filter(pk=page.pk).exists()


def sync_page(page_id: int) -> None:
    """Index or remove one page after publish, unpublish or move. Errors are logged, never raised to editors."""
    try:
        page = Page.objects.filter(pk=page_id).specific().first()
        if page is None:
            remove_page(page_id)
            return
        family = registry.family_for_model(type(page))
        language = _language(page.locale)
        es = client()
        if family is not None and _searchable(page):
            doc = document_for(page, family, language, alias_name(language))
            es.index(index=doc["_index"], id=doc["_id"], document=doc["_source"])
        else:
            es.options(ignore_status=404).delete(index=alias_name(language), id=str(page_id))
    except TRANSPORT_ERRORS as error:
        logger.warning("Elasticsearch sync failed (%s); run rebuild_search_index", type(error).__name__)


def remove_page(page_id: int) -> None:
    try:
        es = client()
        for language in LANGUAGES:
            es.options(ignore_status=404).delete(index=alias_name(language), id=str(page_id))
    except TRANSPORT_ERRORS as error:
        logger.warning("Elasticsearch delete failed (%s); run rebuild_search_index", type(error).__name__)


def documents(language_code: str, index: str) -> Iterator[dict[str, Any]]:
    """Every searchable page of one language as bulk actions."""
    from search.service import scope

    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return
    for family in registry.families():
        pages = scope(None, locale).type(family.model).specific().iterator(chunk_size=200)
        for page in pages:
            if type(page) is family.model:
                yield document_for(page, family, language_code, index)


def count_documents(language_code: str) -> int:
    from search.service import scope

    locale = Locale.objects.filter(language_code=language_code).first()
    return scope(None, locale).count() if locale else 0


def rebuild(
    *, dry_run: bool = False, progress: Callable[[str, int, int], None] | None = None, stamp: str | None = None
) -> dict[str, dict[str, Any]]:
    """Build a new index per language, fill it, then point the alias at it in one ``_aliases`` call.

    Returns per language: the new index name, the number of documents and the old indexes that were replaced.
    With ``dry_run`` nothing is sent to Elasticsearch; only the documents are built and counted."""
    stamp = stamp or datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S")
    report: dict[str, dict[str, Any]] = {}
    for language in LANGUAGES:
        alias = alias_name(language)
        new_name = f"{alias}-{stamp}"
        total = count_documents(language)
        done = 0
        if dry_run:
            for _doc in documents(language, new_name):
                done += 1
                if progress:
                    progress(language, done, total)
            report[language] = {"index": new_name, "documents": done, "replaced": []}
            continue
        es = client()
        index_for(language, new_name).create()

        def counted(language=language, new_name=new_name, total=total) -> Iterator[dict[str, Any]]:
            nonlocal done
            for doc in documents(language, new_name):
                done += 1
                if progress:
                    progress(language, done, total)
                yield doc

        bulk(es, counted(), chunk_size=200, refresh=True)
        old = list(es.indices.get_alias(name=alias).keys()) if es.indices.exists_alias(name=alias) else []
        es.indices.update_aliases(actions=alias_actions(alias, old, new_name))
        for name in old:
            es.indices.delete(index=name, ignore_unavailable=True)
        report[language] = {"index": new_name, "documents": done, "replaced": old}
    return report


def alias_actions(alias: str, old: list[str], new_name: str) -> list[dict[str, Any]]:
    """The single ``_aliases`` request body that swaps ``alias`` from ``old`` to ``new_name`` atomically."""
    return [
        *({"remove": {"index": name, "alias": alias}} for name in old),
        {"add": {"index": new_name, "alias": alias}},
    ]
