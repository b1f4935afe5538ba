"""Elasticsearch indexes: analysis, mappings and documents per language (``elasticsearch.dsl``), keeping pages
in sync after publish/unpublish/move/delete, and rebuilding into a new index with one atomic alias swap."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterator
from typing import Any

from elasticsearch.dsl import Completion, Date, Document, Index, Integer, Keyword, Text, analyzer, token_filter
from elasticsearch.helpers import bulk
from wagtail.models import Locale, Page

from search import analysis, registry
from search.backends.elastic.connection import ALIAS, LANGUAGES, TRANSPORT_ERRORS, alias_name, client, language_of
from search.models import SearchSettings
from search.results import MAX_RESULT_WINDOW
from search.scope import scope

logger = logging.getLogger("los.search")


# Analysis ----------------------------------------------------------------------------------------------------
def synonyms(language_code: str) -> list[str]:
    """The editors' synonym groups for a language (Settings › Search)."""
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
        # The family's summary fields (search description, intro), weighed between title and body.
        "summary": _text(language_code, synonym_lines),
        # Lemmas of the title and body words, and apart from them the parts of compounds (search/analysis.py):
        # the same lexicon as the database index, so both engines match the same forms. The parts of title and
        # summary words have fields of their own, weighed below their whole words and above the body
        # (search/backends/elastic/query.py), as on the database (search/backends/wagtail_database.py).
        "analysis": _text(language_code, synonym_lines),
        "title_parts": _text(language_code, synonym_lines),
        "summary_parts": _text(language_code, synonym_lines),
        "parts": _text(language_code, synonym_lines),
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
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=MAX_RESULT_WINDOW)
    for family in registry.families():
        index.document(document_class(family, language_code, synonym_lines))
    return index


def document_for(page: Page, family: registry.SearchFamily, language_code: str, index: str) -> dict[str, Any]:
    """The source of one page's document (a dict ready for the bulk API)."""
    date = family.date_of(page)
    theme_slugs: list[str] = []
    # Only the family's own model has its theme field; pages added to the family (add_pages) may not.
    if family.theme_field and hasattr(page, family.theme_field):
        theme_slugs = list(getattr(page, family.theme_field).values_list("slug", flat=True))
    body = family.plain_text(page)
    summary = family.summary_text(page)
    lemmas, parts = analysis.added_forms(f"{page.title} {body}", language_code)
    _title_lemmas, title_parts = analysis.added_forms(page.title, language_code)
    _summary_lemmas, summary_parts = analysis.added_forms(summary, language_code)
    source: dict[str, Any] = {
        "page_id": page.pk,
        "family": family.key,
        "path": page.path,
        "title": page.title,
        "body": body,
        "summary": summary,
        "analysis": lemmas,
        "title_parts": title_parts,
        "summary_parts": summary_parts,
        "parts": parts,
        "date": date.isoformat() if isinstance(date, datetime.date) else None,
        "year": date.year if date else None,
        "themes": theme_slugs,
        "suggest": {"input": [page.title], "weight": 1},
    }
    for facet in family.facets:
        source[facet.name] = str(getattr(page, facet.field, "") or "")
    return {"_index": index, "_id": str(page.pk), "_source": source}


# Keeping the index in sync -----------------------------------------------------------------------------------
def _searchable(page: Page) -> bool:
    """Live, public and of a registered family, on some site."""
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
        language = language_of(page.locale)
        es = client()
        if family is not None and _searchable(page):
            doc = document_for(page, family, language, alias_name(language))
            es.index(index=doc["_index"], id=doc["_id"], document=doc["_source"])
        else:
            es.options(ignore_status=404).delete(index=alias_name(language), id=str(page_id))
    except TRANSPORT_ERRORS as error:
        logger.warning("Elasticsearch sync failed (%s); run rebuild_search_index", type(error).__name__)


def remove_page(page_id: int) -> None:
    """Remove a deleted page from every language's index. Errors are logged, never raised to editors."""
    try:
        es = client()
        for language in LANGUAGES:
            es.options(ignore_status=404).delete(index=alias_name(language), id=str(page_id))
    except TRANSPORT_ERRORS as error:
        logger.warning("Elasticsearch delete failed (%s); run rebuild_search_index", type(error).__name__)


def documents(language_code: str, index: str) -> Iterator[dict[str, Any]]:
    """Every searchable page of one language as bulk actions."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return
    for family in registry.families():
        pages = scope(None, locale).type(*family.models).specific().iterator(chunk_size=200)
        for page in pages:
            if type(page) in family.models:
                yield document_for(page, family, language_code, index)


def count_documents(language_code: str) -> int:
    """How many documents ``documents()`` yields (for the progress bar)."""
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
        actions = _with_progress(documents(language, new_name), language, count_documents(language), progress)
        if dry_run:
            report[language] = {"index": new_name, "documents": sum(1 for _action in actions), "replaced": []}
            continue
        es = client()
        index_for(language, new_name).create()
        # bulk() raises BulkIndexError on any failed document, so the count is of every document sent.
        indexed, _errors = bulk(es, actions, chunk_size=200, refresh=True)
        old = list(es.indices.get_alias(name=alias).keys()) if es.indices.exists_alias(name=alias) else []
        es.indices.update_aliases(actions=alias_actions(alias, old, new_name))
        for name in old:
            es.indices.delete(index=name, ignore_unavailable=True)
        report[language] = {"index": new_name, "documents": indexed, "replaced": old}
    return report


def _with_progress(
    actions: Iterator[dict[str, Any]], language: str, total: int, progress: Callable[[str, int, int], None] | None
) -> Iterator[dict[str, Any]]:
    for done, action in enumerate(actions, start=1):
        if progress:
            progress(language, done, total)
        yield action


def alias_actions(alias: str, old: list[str], new_name: str) -> list[dict[str, Any]]:
    """The single ``_aliases`` request body that swaps ``alias`` from ``old`` to ``new_name`` atomically."""
    return [
        *({"remove": {"index": name, "alias": alias}} for name in old),
        {"add": {"index": new_name, "alias": alias}},
    ]
