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

On SQLite the backend is Wagtail's FTS5 backend: FTS5's default ``unicode61`` tokenizer removes diacritics but
does not stem. On both databases every object's entry also holds the words search/analysis.py adds (lemmas and
compound parts from a Dutch, English or Arabic lexicon), so "uitzettingen" finds "uitzetting" and "cel" finds
"isolatiecel" on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from typing import Any

from django.db import connection
from django.utils.html import strip_tags
from modelsearch import index
from modelsearch.backends.database import SearchBackend as _vendor_backend

from search import analysis, registry


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


class _Fixed(index.SearchField):
    """A search field whose value was computed beforehand (the words analysis adds to one object)."""

    def __init__(self, field_name: str, value: str, boost: float | None = None) -> None:
        super().__init__(field_name, boost=boost)
        self.value = value

    def get_value(self, obj: Any) -> str:
        return self.value


def _flat(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(_flat(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flat(item) for item in value.values())
    return "" if value is None else str(value)


# Index weights: four levels, one per PostgreSQL label (A-D). modelsearch labels each part of a vector by its
# field's boost (``get_weight``, from the boosts the installed models declare: Wagtail's image and document titles
# 10, the page title 2, so boosts >= 10 are A, >= 2 B, lower C, none D); ``rank_weights`` gives each label its
# weight in ts_rank. Every level holds the whole words, the lemmas and the compound parts of its own text, so a
# query for a word the lexicon does not know (which searches its parts: search/analysis.py) still ranks a match
# in the summary above one in the body:
#   A  title and its lemmas                                        1.0
#   B  compound parts of title words ("detentie" in a title)        0.5
#   C  summary (search description, intro): words, lemmas, parts    0.4
#   D  body: words, lemmas, parts                                   0.1
# Title parts are in the title vector (field "title"), so modelsearch's title length norm scales them as it
# scales the whole title words: a whole word of the title always ranks above a part of a compound in the title.
TITLE_BOOST = 10
TITLE_PARTS_BOOST = 2
SUMMARY_BOOST = 1.0
TITLE_WEIGHT, TITLE_PARTS_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 1.0, 0.5, 0.4, 0.1


def level_labels() -> list[str]:
    """The PostgreSQL labels of title, title parts, summary and body (A, B, C, D while the installed models
    declare no other boosts; tests/search/test_ranking.py checks they stay four different labels)."""
    from modelsearch.backends.database.postgres.weights import get_weight

    return [get_weight(boost) for boost in (TITLE_BOOST, TITLE_PARTS_BOOST, SUMMARY_BOOST, None)]


def rank_weights() -> str:
    """The ts_rank weights array ({D, C, B, A}) for the labels of title, title parts, summary and body."""
    from modelsearch.backends.database.postgres.weights import WEIGHTS

    values = dict.fromkeys(WEIGHTS, BODY_WEIGHT)
    levels = (TITLE_WEIGHT, TITLE_PARTS_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT)
    # Lowest level first, so a label two levels share (only with other declared boosts) gets the higher weight.
    for label, weight in reversed(list(zip(level_labels(), levels, strict=True))):
        values[label] = weight
    return "{" + ", ".join(str(values[label]) for label in reversed(WEIGHTS)) + "}"


# SQLite's FTS5 table has only a title and a body column (BM25, the title ten times the body): there the summary
# with its parts is written into the body this many times, the parts of title words one time more, so BM25's term
# frequency ranks a summary match above a single mention in the body, and a title's compound above both.
SQLITE_SUMMARY_REPEAT = 2
SQLITE_TITLE_PARTS_REPEAT = 3


def _summary_text(obj: Any, family: Any) -> tuple[set[str], str]:
    """(names of the summary fields, their text): the family's plain-text fields, e.g. search description and
    intro (``SearchFamily.text_fields``)."""
    names = set(family.text_fields) if family else set()
    texts = [strip_tags(_flat(getattr(obj, name, "") or "")) for name in sorted(names)]
    return names, " ".join(text for text in texts if text)


def with_analysis(obj: Any, language_code: str | None, *, postgres: bool = True) -> Any:
    """Let the indexer see, besides the object's own search fields, the words analysis adds (search/analysis.py)
    and its family's extra text (the funders named on the funders page), each at its level (the table above):
    title with its lemmas; the compound parts of title words; the summary (``los_summary``: the family's summary
    fields with their lemmas and parts); the body (every other search field, its lemmas and parts, in
    ``los_analysis``). On SQLite the title parts and the summary go into the body column, repeated
    (``SQLITE_*_REPEAT``). ``get_search_fields`` is set on a copy of the instance, which the indexer reads; the
    model's declaration and the caller's instance are untouched (a view goes on using the instance it saved:
    Wagtail's image chooser indexes the uploaded image and then caches a rendition that holds it, and a lambda on
    it could not be pickled into the cache)."""
    family = registry.family_for_model(type(obj))
    summary_names, summary = _summary_text(obj, family)
    fields, titles, bodies = [], [], []
    for field in type(obj).get_search_fields():
        if not isinstance(field, index.SearchField):
            fields.append(field)
        elif field.field_name not in summary_names:
            value = strip_tags(_flat(field.get_value(obj)))
            # Fixed: the indexer reads each field four times (title, body and their plain texts); a StreamField's
            # text is worth computing once (it was most of the time of indexing 100,000 news items).
            if field.field_name == "title":
                fields.append(_Fixed("title", value, boost=TITLE_BOOST))
                titles.append(value)
            else:
                fields.append(_Fixed(field.field_name, value, boost=field.boost))
                bodies.append(value)
    extra = family.extra_text(obj) if family and family.extra_text and family.index_extra_text else ""
    title_lemmas, title_parts = analysis.added_forms(" ".join(titles), language_code)
    summary_words = " ".join([summary, *analysis.added_forms(summary, language_code)])
    body_words = " ".join(analysis.added_forms(" ".join([*bodies, extra]), language_code))
    if postgres:
        title_parts_field = _Fixed("title", title_parts, boost=TITLE_PARTS_BOOST)
    else:
        title_parts_field = _Fixed("los_title_parts", " ".join([title_parts] * SQLITE_TITLE_PARTS_REPEAT))
    summary_repeat = 1 if postgres else SQLITE_SUMMARY_REPEAT
    added = [
        _Fixed("title", title_lemmas, boost=TITLE_BOOST),
        title_parts_field,
        _Fixed("los_summary", " ".join([summary_words] * summary_repeat), boost=SUMMARY_BOOST),
        _Fixed("los_analysis", " ".join([extra, body_words])),
    ]
    indexed = copy.copy(obj)
    indexed.get_search_fields = lambda: [*fields, *added]
    return indexed


def SearchBackend(params: dict[str, Any]):
    backend = _vendor_backend(params)
    vendor_index = backend.index_class
    postgres = connection.vendor == "postgresql"

    class AnalysedIndex(vendor_index):
        """Adds each object's analysed words; on PostgreSQL builds each object's tsvectors with the text search
        configuration of the object's language."""

        def add_items(self, model, objs):
            groups: dict[str | None, list] = defaultdict(list)
            locales: dict[int, str] = {}
            for obj in objs:
                language = _language_of(obj, locales)
                config = config_for_language(language, params) if postgres else None
                groups[config].append(with_analysis(obj, language, postgres=postgres))
            own_backend = self.backend
            try:
                for config, group in groups.items():
                    if postgres:
                        # ObjectIndexer reads backend.config when it is created: hand it a copy per language.
                        self.backend = copy.copy(own_backend)
                        self.backend.config = config
                    super().add_items(model, group)
            finally:
                self.backend = own_backend

    class WeightedCompiler(backend.query_compiler_class):
        """The project's own ts_rank weights (``rank_weights``) instead of modelsearch's, which it derives from
        the declared boosts and which would weigh summary and body alike."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if postgres:
                self.sql_weights = rank_weights()

    backend.index_class = AnalysedIndex
    backend.query_compiler_class = WeightedCompiler
    return backend


SQLITE_TITLE_WEIGHT = 10.0


def sqlite_scores(results: Any, allowed: Any) -> dict[int, float]:
    """Relevance of every SQLite FTS5 match among the ``allowed`` pages (higher is better: BM25 negated), from
    one pass over the FTS table, for ranking with recency (search/backends/database.py)."""
    return {
        int(pk): -score for pk, score in _sqlite_rows(results, allowed).values_list("index_entry__object_id", "score")
    }


def sqlite_ranked_ids(results: Any, allowed: Any, start: int, stop: int) -> list[int]:
    """Page ids of SQLite FTS5 matches, best first, among the pages of the ``allowed`` queryset.

    Wagtail's SQLite backend orders by relevance through a correlated subquery that runs the FTS match once per
    matching row: 137 seconds for a common word at 10,000 pages (bench/search_bench.py). Here the same BM25
    ranking is computed in one pass over the FTS table, restricted to the allowed pages, sorted and sliced."""
    rows = _sqlite_rows(results, allowed).order_by("score", "-index_entry__object_id")
    return [int(pk) for pk in rows.values_list("index_entry__object_id", flat=True)[start:stop]]


def _sqlite_rows(results: Any, allowed: Any) -> Any:
    """The FTS rows of ``results`` among the ``allowed`` pages, annotated with their weighted BM25 ``score``
    (lower is better)."""
    from django.db.models import FloatField, Func, TextField
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Page

    compiler = results.query_compiler
    search_query = compiler.build_search_query(normalize(compiler.query), config=None)
    # BM25 with column weights (the FTS table's columns are autocomplete, body, title): a word in the title
    # counts ten times a word in the body, as title weight A does on PostgreSQL. Wagtail's own expression
    # weighs every column alike, so a short page mentioning a word once outranked the page named after it.
    table = SQLiteFTSIndexEntry._meta.db_table
    rank = Func(template=f"bm25({table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT:.1f})", output_field=FloatField())
    allowed_ids = allowed.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
    return (
        SQLiteFTSIndexEntry.objects.filter(MatchExpression(compiler.FTS_TABLE_FIELDS, search_query))
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(Page),
            index_entry__object_id__in=allowed_ids,
        )
        .annotate(score=rank)
    )
