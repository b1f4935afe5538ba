"""The one search service: everything that searches (search page, autocomplete, JSON API, listings) calls
``search()`` or ``autocomplete()`` and gets the same result shape back.

Results are live, public (no view restrictions), in the active language and on the given site only, and
restricted to the registered content families (search/registry.py). The database backend is the default;
when ``SEARCH_ELASTICSEARCH["URL"]`` is set the Elasticsearch backend (search/elastic.py) answers, and any
transport error there falls back to the database backend (logged without the query text).
"""

from __future__ import annotations

import datetime
import difflib
import logging
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from search import registry
from security.query_params import clean_query, page_number, search_terms

logger = logging.getLogger("los.search")

PER_PAGE = 10
MAX_PER_PAGE = 50
# Elasticsearch refuses from + size above 10,000; the database backend gets the same limit for one behaviour.
MAX_RESULT_WINDOW = 10_000
SORTS = ("relevance", "date")
_SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")
_YEAR = re.compile(r"^(19|20)\d\d$")


# Result shape ------------------------------------------------------------------------------------------------
@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class Hit:
    page: Page
    type: str  # family key
    type_label: str
    title: str
    url: str
    date: Any
    excerpt: SafeString
    promoted: bool = False


@dataclass
class SearchParams:
    """Cleaned search input. Unknown filter values and sorts are dropped, never an error."""

    query: str = ""
    page: int = 1
    sort: str = "relevance"
    filters: dict[str, list[str]] = field(default_factory=dict)
    per_page: int = PER_PAGE

    @classmethod
    def from_querydict(cls, data: Any, *, per_page: int = PER_PAGE) -> SearchParams:
        query = clean_query(data.get("q", ""))
        sort = data.get("sort", "relevance")
        filters: dict[str, list[str]] = {}
        names = ["type", "theme", "year", *registry.family_facets()]
        for name in names:
            values = []
            for raw in data.getlist(name)[:20] if hasattr(data, "getlist") else [data.get(name)]:
                value = clean_query(raw)[:100]
                if value and value not in values and _valid_filter_value(name, value):
                    values.append(value)
            if values:
                filters[name] = values
        return cls(
            query=query,
            page=page_number(data.get("page")),
            sort=sort if sort in SORTS else "relevance",
            filters=filters,
            per_page=min(max(per_page, 1), MAX_PER_PAGE),
        )

    def querydict_items(self, *, without: tuple[str, str] | None = None) -> list[tuple[str, str]]:
        items = [("q", self.query)] if self.query else []
        for name, values in self.filters.items():
            items.extend((name, v) for v in values if (name, v) != without)
        if self.sort != "relevance":
            items.append(("sort", self.sort))
        return items


def _valid_filter_value(name: str, value: str) -> bool:
    if name == "type":
        return value in {f.key for f in registry.families()}
    if name == "year":
        return bool(_YEAR.match(value))
    if name == "theme":
        return bool(_SLUG.match(value))
    choices = set()
    for family, facet in registry.family_facets().get(name, []):
        choices.update(str(key) for key, _label in family.model._meta.get_field(facet.field).flatchoices)
    return value in choices


@dataclass
class SearchResponse:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: list[Facet] = field(default_factory=list)
    suggestion: str = ""
    promotions: list[Hit] = field(default_factory=list)
    page: int = 1
    num_pages: int = 0
    message: str = ""
    backend: str = "database"

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    def as_json(self) -> dict[str, Any]:
        def hit_json(hit: Hit) -> dict[str, Any]:
            return {
                "id": hit.page.pk,
                "type": hit.type,
                "type_label": str(hit.type_label),
                "title": hit.title,
                "url": hit.url,
                "date": hit.date.isoformat() if hit.date else None,
                "excerpt": str(hit.excerpt),
            }

        return {
            "query": self.params.query,
            "total": self.total,
            "page": self.page,
            "num_pages": self.num_pages,
            "sort": self.params.sort,
            "suggestion": self.suggestion,
            "message": self.message,
            "promotions": [hit_json(h) for h in self.promotions],
            "results": [hit_json(h) for h in self.hits],
            "facets": [
                {
                    "name": f.name,
                    "label": str(f.label),
                    "values": [
                        {"value": v.value, "label": str(v.label), "count": v.count, "selected": v.selected}
                        for v in f.values
                    ],
                }
                for f in self.facets
            ],
        }


# Text helpers ------------------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower-case without diacritics, character for character (so positions stay valid for highlighting)."""
    out = []
    for ch in text.lower():
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


_WORD = re.compile(r"\w+", re.UNICODE)


def _matches(word: str, term: str) -> bool:
    """Whether a folded word of the text matches a folded query term: a prefix match either way, or a shared
    stem (common prefix of at least five letters, differing only in a short ending: uitzetting/uitzettingen)."""
    if word.startswith(term) or (len(word) >= 4 and term.startswith(word)):
        return True
    common = len(_common_prefix(word, term))
    return common >= 5 and max(len(word), len(term)) - common <= 3


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def highlight(text: str, query: str, *, length: int = 240) -> SafeString:
    """An excerpt around the first matching word, HTML-escaped first, then matching words wrapped in <mark>."""
    text = " ".join((text or "").split())
    terms = [t for t in fold(search_terms(query)).split() if len(t) > 1][:10]
    folded = fold(text)
    spans = [m.span() for m in _WORD.finditer(folded) if any(_matches(m.group(), t) for t in terms)]
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = len(text) if len(text) - start <= length else (text.rfind(" ", start, start + length) or start + length)
    if end <= start:
        end = start + length
    pieces = ["… " if start > 0 else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        pieces.append(escape(text[cursor:s]))
        pieces.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text was escaped above


# Scope -------------------------------------------------------------------------------------------------------
def current_locale() -> Locale:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def scope(site: Site | None, locale: Locale) -> models.QuerySet:
    """Live, public pages of the registered families in one language on one site."""
    content_types = ContentType.objects.get_for_models(*[f.model for f in registry.families()]).values()
    pages = Page.objects.live().public().filter(locale=locale, content_type__in=list(content_types))
    if site is not None:
        within = Q(pk__in=[])
        for path in site_root_paths(site, locale):
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    return pages


def site_root_paths(site: Site, locale: Locale) -> list[str]:
    """Tree paths of a site in one language. Each language has its own tree under a translation of the site's
    root page (/en/ is served from the English home page), so: the root page and its translation."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key, locale=locale)
    return sorted({site.root_page.path, *roots.values_list("path", flat=True)})


def _content_type_keys() -> dict[int, registry.SearchFamily]:
    families = registry.families()
    cts = ContentType.objects.get_for_models(*[f.model for f in families])
    return {cts[f.model].pk: f for f in families}


def date_expression() -> models.Expression:
    """One date per page across families: the family's date field, else the first publication date."""
    parts = []
    for family in registry.families():
        if not family.date_field:
            continue
        model = family.model
        date_field = model._meta.get_field(family.date_field)
        value = TruncDate(family.date_field) if isinstance(date_field, models.DateTimeField) else F(family.date_field)
        sub = model.objects.filter(pk=OuterRef("pk")).annotate(_d=value).values("_d")[:1]
        parts.append(Subquery(sub, output_field=models.DateField()))
    parts.append(TruncDate("first_published_at"))
    return Coalesce(*parts, output_field=models.DateField()) if len(parts) > 1 else parts[0]


def _filter_q(name: str, values: list[str], locale: Locale) -> Q:
    if name == "type":
        keys = _content_type_keys()
        return Q(content_type_id__in=[ct for ct, f in keys.items() if f.key in values])
    q = Q(pk__in=[])
    if name == "theme":
        for family in registry.families():
            if family.theme_field:
                # By slug in any language: translated pages keep their Dutch source's themes (synchronised).
                lookup = {f"{family.theme_field}__slug__in": values}
                q |= Q(pk__in=family.model.objects.filter(**lookup).values("pk"))
        return q
    for family, facet in registry.family_facets().get(name, []):
        q |= Q(pk__in=family.model.objects.filter(**{f"{facet.field}__in": values}).values("pk"))
    return q


# Database backend --------------------------------------------------------------------------------------------
def db_backend_name(language_code: str) -> str:
    name = (language_code or "").split("-")[0]
    return name if name in settings.WAGTAILSEARCH_BACKENDS and name != "nl" else "default"


def db_matches(terms: str, pages: models.QuerySet, language_code: str) -> models.QuerySet:
    """Pages matching all terms, annotated with ``_score``, as a queryset that can be filtered further.

    Wagtail's database search builds the match as a subquery on its own index table; ``get_queryset()`` of the
    SQLite and PostgreSQL results gives that queryset before slicing, so facets and filters stay in SQL."""
    return db_results(terms, pages, language_code).get_queryset()


def db_results(terms: str, pages: models.QuerySet, language_code: str):
    backend = get_search_backend(db_backend_name(language_code))
    return backend.search(terms, pages, operator="and", order_by_relevance=True).annotate_score("_score")


class _Matches:
    """The pages matching the query, and the same filtered by the visitor's choices but one (multi-select facets).

    The per-page date (a subquery per family: the costly part of a search) is computed once, for every match, and
    kept: the year facet, the year filter and the date sort use it from here. Everything else stays in SQL, with
    the full-text match as a subquery (cheap with planner statistics)."""

    def __init__(self, matched: models.QuerySet, filters: dict[str, list[str]], locale: Locale) -> None:
        # No ordering: the backends order by a relevance expression, which SQLite evaluates per row.
        self.matched = matched.order_by()
        self.filters = filters
        self.locale = locale
        self.dates: dict[int, datetime.date | None] = dict(
            self.matched.annotate(_date=date_expression()).values_list("pk", "_date")
        )

    def _q(self, name: str, values: list[str]) -> Q:
        if name == "year":
            years = {int(v) for v in values}
            return Q(pk__in=[pk for pk, date in self.dates.items() if date and date.year in years])
        return _filter_q(name, values, self.locale)

    def filtered(self, queryset: models.QuerySet, *, except_: str | None = None) -> models.QuerySet:
        """`queryset` narrowed by every chosen filter but `except_`."""
        for name, values in self.filters.items():
            if name != except_:
                queryset = queryset.filter(self._q(name, values))
        return queryset

    def pages_except(self, name: str) -> models.QuerySet:
        return Page.objects.filter(pk__in=self.filtered(self.matched, except_=name).values("pk"))


def _facet_counts(matches: _Matches, params: SearchParams, locale: Locale) -> list[Facet]:
    """Counts per facet value over the matches filtered by every *other* facet (multi-select facets)."""
    selected = params.filters
    facets = []

    # Content type
    keys = _content_type_keys()
    counts = dict(matches.pages_except("type").values_list("content_type").annotate(n=Count("pk")).order_by())
    values = [
        FacetValue(f.key, f.label, counts.get(ct, 0), f.key in selected.get("type", []))
        for ct, f in keys.items()
        if counts.get(ct) or f.key in selected.get("type", [])
    ]
    facets.append(Facet("type", _("Soort inhoud"), values))

    # Theme (summed over every family that has themes)
    from home.models import Theme

    base = matches.pages_except("theme")
    theme_counts: Counter = Counter()
    for family in registry.families():
        if not family.theme_field:
            continue
        m2m = family.model._meta.get_field(family.theme_field)
        through = m2m.remote_field.through
        source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
        rows = (
            through.objects.filter(**{f"{source}__in": base.values("pk")})
            .values_list(target)
            .annotate(n=Count("pk"))
            .order_by()
        )
        theme_counts.update(dict(rows))
    chosen = selected.get("theme", [])
    # Pages keep their Dutch source's themes (synchronised), so a theme is one slug in every language: count per
    # slug and show the name in the search's language where the theme has been translated.
    counted_slugs = Theme.objects.filter(pk__in=list(theme_counts)).values("slug")
    slug_counts: Counter = Counter()
    shown: dict[str, Theme] = {}
    for theme in Theme.objects.filter(Q(slug__in=counted_slugs) | Q(slug__in=chosen)):
        slug_counts[theme.slug] += theme_counts.get(theme.pk, 0)
        if theme.slug not in shown or theme.locale_id == locale.pk:
            shown[theme.slug] = theme
    facets.append(
        Facet(
            "theme",
            _("Thema"),
            [FacetValue(t.slug, t.name, slug_counts[t.slug], t.slug in chosen) for t in shown.values()],
        )
    )

    # Year
    dates = (matches.dates.get(pk) for pk in matches.pages_except("year").values_list("pk", flat=True))
    year_counts = Counter(date.year for date in dates if date)
    chosen = selected.get("year", [])
    year_values = [
        FacetValue(str(y), str(y), n, str(y) in chosen) for y, n in sorted(year_counts.items(), reverse=True)
    ]
    year_values += [FacetValue(y, y, 0, True) for y in chosen if y not in {v.value for v in year_values}]
    facets.append(Facet("year", _("Jaar"), year_values))

    # Family-specific facets (kind, publication_type, ...)
    for name, pairs in registry.family_facets().items():
        base = matches.pages_except(name)
        counts = Counter()
        labels: dict[str, str] = {}
        for family, facet in pairs:
            model_field = family.model._meta.get_field(facet.field)
            labels.update({str(k): str(v) for k, v in model_field.flatchoices})
            rows = (
                family.model.objects.filter(pk__in=base.values("pk"))
                .values_list(facet.field)
                .annotate(n=Count("pk"))
                .order_by()
            )
            counts.update({str(k): n for k, n in rows})
        chosen = selected.get(name, [])
        facets.append(
            Facet(
                name,
                pairs[0][1].label,
                [
                    FacetValue(k, label, counts.get(k, 0), k in chosen)
                    for k, label in labels.items()
                    if counts.get(k) or k in chosen
                ],
            )
        )
    return facets


def _hits_for(pages: list[Page], query: str, request: Any = None, *, promoted: bool = False) -> list[Hit]:
    keys = _content_type_keys()
    hits = []
    for page in pages:
        family = keys.get(page.content_type_id)
        if family is None:
            continue
        hits.append(
            Hit(
                page=page,
                type=family.key,
                type_label=family.label,
                title=page.title,
                url=page.get_url(request=request) or "",
                date=family.date_of(page),
                excerpt=highlight(family.plain_text(page), query),
                promoted=promoted,
            )
        )
    return hits


def load_pages(ids: list[int]) -> list[Page]:
    """Specific pages in the order of ``ids``."""
    by_id = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


def _paginate(response: SearchResponse) -> tuple[int, int]:
    params = response.params
    window = min(response.total, MAX_RESULT_WINDOW)
    response.num_pages = max(1, math.ceil(window / params.per_page)) if window else 0
    response.page = params.page
    if response.num_pages and params.page > response.num_pages:
        response.message = _("Pagina %(asked)s bestaat niet; u ziet de laatste pagina.") % {"asked": params.page}
        response.page = response.num_pages
    start = (response.page - 1) * params.per_page
    return start, start + params.per_page


def _ordinal(date: datetime.date | None) -> int:
    return date.toordinal() if date else 0


def database_search(params: SearchParams, *, site: Site | None, locale: Locale, request: Any = None) -> SearchResponse:
    response = SearchResponse(params=params)
    terms = search_terms(params.query)
    if not terms:
        return response
    pages = scope(site, locale)
    raw_results = db_results(terms, pages, locale.language_code)
    matches = _Matches(raw_results.get_queryset(), params.filters, locale)
    response.facets = _facet_counts(matches, params, locale)
    response.total = matches.filtered(matches.matched).count()
    start, stop = _paginate(response)
    if response.total:
        if params.sort == "date":
            ids = sorted(
                matches.filtered(matches.matched).values_list("pk", flat=True),
                key=lambda pk: (matches.dates.get(pk) is None, -_ordinal(matches.dates.get(pk)), -pk),
            )[start:stop]
        else:
            # Relevance comes from the full-text ranking: the match runs once more, for this page of hits.
            results = matches.filtered(raw_results.get_queryset())
            if connection.vendor == "sqlite":
                from search.db import sqlite_ranked_ids

                ids = sqlite_ranked_ids(raw_results, results, start, stop)
            else:
                ids = list(results.values_list("pk", flat=True)[start:stop])
        response.hits = _hits_for(load_pages(ids), params.query, request)
    return response


# Suggestions ("did you mean") --------------------------------------------------------------------------------
VOCABULARY_SIZE = 20_000
VOCABULARY_PAGES = 5_000
VOCABULARY_SECONDS = 30 * 60


def vocabulary(site: Site | None, locale: Locale) -> list[str]:
    """The most frequent words (folded) of the titles and intros of the most recent pages in scope, cached for
    half an hour. Bounded by VOCABULARY_PAGES so that building it stays cheap on a large site."""
    key = f"search:vocabulary:{site.pk if site else 0}:{locale.pk}"
    words = cache.get(key)
    if words is None:
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
                raw.update(_WORD.findall((text or "").lower()))
        # Fold each distinct word once (folding is per character and slow on whole texts).
        counts: Counter = Counter()
        for word, n in raw.items():
            if len(word) > 3 and word.isalpha():
                counts[fold(word)] += n
        words = [w for w, _n in counts.most_common(VOCABULARY_SIZE)]
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def suggest(query: str, site: Site | None, locale: Locale) -> str:
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
    return result if result != " ".join(terms) else ""


# Promotions --------------------------------------------------------------------------------------------------
def promotions(query: str, site: Site | None, locale: Locale, request: Any = None) -> list[Hit]:
    """Editors' recommended pages for this exact (normalised) query; read-only (no Query row is created)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    normalised = normalise_query_string(query)
    if not normalised:
        return []
    picks = SearchPromotion.objects.filter(query__query_string=normalised, page__isnull=False).order_by("sort_order")
    allowed = set(scope(site, locale).filter(pk__in=picks.values("page_id")).values_list("pk", flat=True))
    ids = [pk for pk in picks.values_list("page_id", flat=True) if pk in allowed]
    return _hits_for(load_pages(ids), query, request, promoted=True)


# Entry points ------------------------------------------------------------------------------------------------
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
    response = None
    if elastic_enabled():
        from search import elastic

        try:
            response = elastic.search(params, site=site, locale=locale, request=request)
        except elastic.TRANSPORT_ERRORS as error:
            # Privacy: the query text is never logged, only that and why the cluster failed.
            logger.warning("Elasticsearch unavailable (%s); falling back to database search", type(error).__name__)
            response = None
    if response is None:
        response = database_search(params, site=site, locale=locale, request=request)
    if response.params.query:
        if response.page == 1:
            response.promotions = promotions(params.query, site, locale, request)
        if not response.total and not response.suggestion:
            response.suggestion = _checked_suggestion(params, site, locale)
        if record:
            from search.stats import record_query

            record_query(params.query, language=locale.language_code, found=response.total)
    return response


def _checked_suggestion(params: SearchParams, site: Site | None, locale: Locale) -> str:
    suggestion = suggest(params.query, site, locale)
    if not suggestion:
        return ""
    if db_matches(suggestion, scope(site, locale), locale.language_code).exists():
        return suggestion
    return ""


def autocomplete(query: str, *, site: Site | None, locale: Locale | None = None, request: Any = None, limit: int = 6):
    """Up to ``limit`` titles for a partly typed query: [{"title", "url", "type"}]."""
    locale = locale or current_locale()
    terms = search_terms(clean_query(query))
    if len(terms) < 2:
        return []
    pages: list[Page] | None = None
    if elastic_enabled():
        from search import elastic

        try:
            pages = elastic.autocomplete(terms, site=site, locale=locale, limit=limit)
        except elastic.TRANSPORT_ERRORS as error:
            logger.warning("Elasticsearch unavailable (%s); autocomplete falls back to database", type(error).__name__)
    if pages is None:
        backend = get_search_backend(db_backend_name(locale.language_code))
        found = backend.autocomplete(terms, scope(site, locale), operator="and")[:limit]
        pages = load_pages([page.pk for page in found])
    keys = _content_type_keys()
    return [
        {"title": p.title, "url": p.get_url(request=request) or "", "type": str(keys[p.content_type_id].label)}
        for p in pages
        if p.content_type_id in keys
    ]


def elastic_enabled() -> bool:
    return bool(getattr(settings, "SEARCH_ELASTICSEARCH", {}).get("URL"))


def language_code() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]
