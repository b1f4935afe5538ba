"""Facets and filters of the database backend, computed in SQL over the full-text matches (multi-select facets:
each facet counts the matches filtered by every *other* facet)."""

from __future__ import annotations

import datetime
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import Theme
from search import registry
from search.results import Facet, FacetValue, SearchParams


def date_expression() -> models.Expression:
    """One date per page across families: the family's date field, else the first publication date. Each
    family's table is reached by a LEFT JOIN from the page row (PostgreSQL hashes it once for all matches; a
    correlated subquery per family and row was the costliest part of a common word's search)."""
    parts = []
    for family in registry.families():
        if not family.date_field:
            continue
        model = family.model
        lookup = f"{_path_from_page(model)}__{family.date_field}"
        date_field = model._meta.get_field(family.date_field)
        parts.append(TruncDate(lookup) if isinstance(date_field, models.DateTimeField) else F(lookup))
    parts.append(TruncDate("first_published_at"))
    return Coalesce(*parts, output_field=models.DateField()) if len(parts) > 1 else parts[0]


def _path_from_page(model: type[models.Model]) -> str:
    """The lookup from a Page row to the table of a page type (multi-table inheritance): "newspage"."""
    names = []
    current = model
    while current is not Page:
        names.append(current._meta.model_name)
        current = next(parent for parent in current._meta.parents if issubclass(parent, Page))
    return "__".join(reversed(names))


def _filter_q(name: str, values: list[str]) -> Q:
    if name == "type":
        by_content_type = registry.families_by_content_type()
        return Q(content_type_id__in=[ct for ct, f in by_content_type.items() if f.key in values])
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


# Up to this many matches are sent as a list of ids; with more (and no filter chosen) the full-text match runs
# again as a subquery, which costs less than sending a long list.
ID_LIST_LIMIT = 5_000


class Matches:
    """The pages matching the query, and the same filtered by the visitor's choices but one (multi-select facets).

    One pass over the matches fetches each page's id, type and date (the date is a subquery per family: the
    costly part of a search); the total, the type and year facets and the type and year filters are counted
    from those rows in Python. Only a theme or family facet, or a chosen theme or family filter, asks the
    database again, with the matched ids (or, for many matches, the match as a subquery)."""

    def __init__(self, matched: models.QuerySet, filters: dict[str, list[str]], *, scored: bool = False) -> None:
        # No ordering: the backends order by a relevance expression, which SQLite evaluates per row.
        self.matched = matched.order_by()
        self.filters = filters
        self.dates: dict[int, datetime.date | None] = {}
        self.content_types: dict[int, int] = {}
        # With ``scored`` (PostgreSQL) the same pass brings each match's relevance (``_score``, ts_rank).
        self.scores: dict[int, float] = {}
        columns = ["pk", "content_type_id", "_date", *(["_score"] if scored else [])]
        for pk, content_type, date, *score in self.matched.annotate(_date=date_expression()).values_list(*columns):
            self.dates[pk] = date
            self.content_types[pk] = content_type
            if score:
                self.scores[pk] = score[0] or 0.0
        self._passing: dict[str, set[int]] = {}
        self._found_types: set[int] | None = None

    def passing(self, name: str) -> set[int]:
        """The matched ids that pass the chosen filter ``name``."""
        if name not in self._passing:
            values = self.filters[name]
            if name == "year":
                years = {int(v) for v in values}
                ids = {pk for pk, date in self.dates.items() if date and date.year in years}
            elif name == "type":
                by_content_type = registry.families_by_content_type()
                ids = {pk for pk, ct in self.content_types.items() if by_content_type[ct].key in values}
            else:
                ids = set(self.pages(set(self.dates)).filter(_filter_q(name, values)).values_list("pk", flat=True))
            self._passing[name] = ids
        return self._passing[name]

    def ids(self, *, except_: str | None = None) -> set[int]:
        """The matched ids narrowed by every chosen filter but ``except_``."""
        ids = set(self.dates)
        for name in self.filters:
            if name != except_:
                ids &= self.passing(name)
        return ids

    def pages(self, ids: set[int]) -> models.QuerySet:
        """Pages by id. PostgreSQL: the ids as one array parameter (neither thousands of placeholders to compile
        nor the full-text match run again per facet: 1.9 of 5 s of a common word at 10,000 news items under
        load). Elsewhere every match as the match itself (a subquery), a narrowed set as a list of ids."""
        if connection.vendor == "postgresql":
            return Page.objects.filter(pk__in=RawSQL("SELECT unnest(%s::integer[])", (sorted(ids),)))
        if len(ids) == len(self.dates) and len(ids) > ID_LIST_LIMIT:
            return Page.objects.filter(pk__in=self.matched.values("pk"))
        return Page.objects.filter(pk__in=list(ids))

    def has(self, family: registry.SearchFamily) -> bool:
        """Whether any match is of the family's own model (a facet of a family without matches costs no query)."""
        content_type = ContentType.objects.get_for_model(family.model).pk
        if self._found_types is None:
            self._found_types = set(self.content_types.values())
        return content_type in self._found_types

    def pages_except(self, name: str) -> models.QuerySet:
        return self.pages(self.ids(except_=name))

    def filtered(self, queryset: models.QuerySet) -> models.QuerySet:
        """``queryset`` (the match, ordered by relevance) narrowed by every chosen filter."""
        if not self.filters:
            return queryset
        return queryset.filter(pk__in=list(self.ids()))


def facet_counts(matches: Matches, params: SearchParams, locale_id: int) -> list[Facet]:
    """Counts per facet value over the matches filtered by every *other* facet (multi-select facets)."""
    by_content_type = registry.families_by_content_type()
    types = Counter(by_content_type[matches.content_types[pk]].key for pk in matches.ids(except_="type"))
    dates = (matches.dates.get(pk) for pk in matches.ids(except_="year"))
    years = Counter(date.year for date in dates if date)
    return [
        type_facet(types, params),
        theme_facet(_theme_counts(matches), params, locale_id),
        year_facet(years, params),
        *[family_facet(name, _family_counts(matches, name), params) for name in registry.family_facets()],
    ]


# Facets from counts: shared by the counting above (SQLite) and PostgreSQL's one pass (database_pass.py).
def type_facet(counts: Counter, params: SearchParams) -> Facet:
    """``counts`` by family key."""
    chosen = params.filters.get("type", [])
    values = [
        FacetValue(f.key, f.label, counts[f.key], f.key in chosen)
        for f in registry.families()
        if counts[f.key] or f.key in chosen
    ]
    return Facet("type", _("Soort inhoud"), values)


def theme_facet(theme_counts: Counter, params: SearchParams, locale_id: int) -> Facet:
    """``theme_counts`` by theme id, summed over every family that has themes."""
    chosen = params.filters.get("theme", [])
    # Pages keep their Dutch source's themes (synchronised), so a theme is one slug in every language: count per
    # slug and show the name in the search's language where the theme has been translated.
    counted_slugs = Theme.objects.filter(pk__in=list(theme_counts)).values("slug")
    slug_counts: Counter = Counter()
    shown: dict[str, Theme] = {}
    for theme in Theme.objects.filter(Q(slug__in=counted_slugs) | Q(slug__in=chosen)):
        slug_counts[theme.slug] += theme_counts.get(theme.pk, 0)
        if theme.slug not in shown or theme.locale_id == locale_id:
            shown[theme.slug] = theme
    values = [FacetValue(t.slug, t.name, slug_counts[t.slug], t.slug in chosen) for t in shown.values()]
    return Facet("theme", _("Thema"), values)


def year_facet(year_counts: Counter, params: SearchParams) -> Facet:
    chosen = params.filters.get("year", [])
    values = [FacetValue(str(y), str(y), n, str(y) in chosen) for y, n in sorted(year_counts.items(), reverse=True)]
    values += [FacetValue(y, y, 0, True) for y in chosen if y not in {v.value for v in values}]
    return Facet("year", _("Jaar"), values)


def family_facet(name: str, counts: Counter, params: SearchParams) -> Facet:
    """A family facet (kind, publication_type, ...; two families may share one) from ``counts`` by value."""
    pairs = registry.family_facets()[name]
    labels: dict[str, str] = {}
    for family, facet in pairs:
        labels.update({str(k): str(v) for k, v in family.model._meta.get_field(facet.field).flatchoices})
    chosen = params.filters.get(name, [])
    values = [
        FacetValue(k, label, counts.get(k, 0), k in chosen)
        for k, label in labels.items()
        if counts.get(k) or k in chosen
    ]
    return Facet(name, pairs[0][1].label, values)


def _theme_counts(matches: Matches) -> Counter:
    base = matches.pages_except("theme")
    theme_counts: Counter = Counter()
    for family in registry.families():
        if not family.theme_field or not matches.has(family):
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
    return theme_counts


def _family_counts(matches: Matches, name: str) -> Counter:
    base = matches.pages_except(name)
    counts: Counter = Counter()
    for family, facet in registry.family_facets()[name]:
        if not matches.has(family):
            continue
        rows = (
            family.model.objects.filter(pk__in=base.values("pk"))
            .values_list(facet.field)
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts.update({str(k): n for k, n in rows})
    return counts
