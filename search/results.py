"""The result shape every search path shares: cleaned parameters in, a ``SearchResponse`` of ``Hit``s and
``Facet``s out, with pagination and highlighted excerpts. Both backends and the service build on this module;
it imports neither of them."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from search import analysis, registry
from security.query_params import clean_query, page_number, search_terms

PER_PAGE = 10
MAX_PER_PAGE = 50
# Elasticsearch refuses from + size above 10,000; the database backend gets the same limit for one behaviour.
MAX_RESULT_WINDOW = 10_000
SORTS = ("relevance", "date")
_SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
WORD = re.compile(r"\w+", re.UNICODE)
# Excerpts look for the query's words in this much of a page's text (a publication's whole PDF is its text).
HIGHLIGHT_SCAN = 50_000


@dataclass
class FacetValue:
    """One value of a facet with the number of results it would leave."""

    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    """A filter of the results (type, theme, year or a family's own) with its values."""

    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class Hit:
    """One found page as the search page and the API show it."""

    page: Any  # a Page, or the item of an ItemSource (an agenda item)
    type: str  # family or source key
    type_label: str
    title: str
    url: str
    date: Any
    excerpt: SafeString
    promoted: bool = False


@dataclass
class Section:
    """Items that are not pages (agenda items), shown above the pages: how many match and the first few."""

    key: str
    label: str
    total: int
    hits: list[Hit] = field(default_factory=list)


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
        return value in {f.key for f in registry.families()} | {s.key for s in registry.sources()}
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
    """One page of results with facets, suggestion and promotions: the shape of the page and the JSON API."""

    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    # The word is too common to count (PostgreSQL, search/backends/database_pass.py): ``total`` is ``count_cap``,
    # shown as "more than"; the hits are the best (or the newest) of the newest ``count_cap`` matches.
    total_capped: bool = False
    facets: list[Facet] = field(default_factory=list)
    # Some facet counts only the newest ``count_cap`` matches that pass the visitor's other filters.
    facets_capped: bool = False
    count_cap: int = 0
    suggestion: str = ""
    promotions: list[Hit] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
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

    def paginate(self) -> tuple[int, int]:
        """Set ``page`` and ``num_pages`` from ``total`` (capped at MAX_RESULT_WINDOW; a page beyond the end shows
        the last page with a message) and return the slice (start, stop) of the results to show."""
        params = self.params
        window = min(self.total, MAX_RESULT_WINDOW)
        self.num_pages = max(1, math.ceil(window / params.per_page)) if window else 0
        self.page = params.page
        if self.num_pages and params.page > self.num_pages:
            self.message = _("Pagina %(asked)s bestaat niet; je ziet de laatste pagina.") % {"asked": params.page}
            self.page = self.num_pages
        start = (self.page - 1) * params.per_page
        return start, start + params.per_page

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
            "total_capped": self.total_capped,
            "facets_capped": self.facets_capped,
            "page": self.page,
            "num_pages": self.num_pages,
            "sort": self.params.sort,
            "suggestion": self.suggestion,
            "message": self.message,
            "promotions": [hit_json(h) for h in self.promotions],
            "results": [hit_json(h) for h in self.hits],
            "sections": [
                {"type": s.key, "label": str(s.label), "total": s.total, "results": [hit_json(h) for h in s.hits]}
                for s in self.sections
            ],
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


# Hits --------------------------------------------------------------------------------------------------------
def load_pages(ids: list[int]) -> list[Page]:
    """Specific pages in the order of ``ids``."""
    by_id = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


def hits_for(pages: list[Page], query: str, request: Any = None, *, promoted: bool = False) -> list[Hit]:
    """Hits for pages of registered families, with an excerpt around the query's words."""
    by_content_type = registry.families_by_content_type()
    hits = []
    for page in pages:
        family = by_content_type.get(page.content_type_id)
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


# Excerpts ----------------------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower-case without diacritics, character for character (so positions stay valid for highlighting)."""
    lowered = text.lower()
    if lowered.isascii():
        # Most text: nothing to fold (a news item's excerpt text took 6 ms a hit character by character).
        return lowered
    return "".join(_fold_char(ch) for ch in lowered)


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def _matches(word: str, term: str, lemmas: set[str], language: str) -> bool:
    """Whether a folded word of the text matches a folded query term: a prefix match either way, a shared stem
    (common prefix of at least five letters, differing only in a short ending: uitzetting/uitzettingen), or, as
    search itself matches, a shared lemma or compound part (kinderen/kind, vreemdelingendetentie/detentie)."""
    if word.startswith(term) or (len(word) >= 4 and term.startswith(word)):
        return True
    common = len(_common_prefix(word, term))
    if common >= 5 and max(len(word), len(term)) - common <= 3:
        return True
    return len(word) >= 3 and not lemmas.isdisjoint(analysis.word_forms(word, language))


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
    language = analysis.language_of(get_language())
    lemmas = {analysis.lemma(t, language) for t in terms}
    folded = fold(text[:HIGHLIGHT_SCAN])
    spans = [m.span() for m in WORD.finditer(folded) if any(_matches(m.group(), t, lemmas, language) for t in terms)]
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
