"""The search page on PostgreSQL in one statement: total, every facet and the page of hits from one pass over at
most COUNT_CAP matches.

The match (Wagtail's full-text query on its index table, scoped to the site and language: search/scope.py) gives
each match's type, date, family facet values and relevance (ts_rank on the stored vectors). Of those, a window
of the newest ``count_cap() + 1`` (by first publication) is taken; for a word in more pages than the cap,
PostgreSQL walks the pages newest first on the index of first_published_at and stops there, so a word in half of
100,000 news items costs about what a rare word costs. Over the window, in the same statement:

- the total and the type, year and family facets in one ``GROUP BY GROUPING SETS``, each facet counted over the
  matches that pass the visitor's choices in every *other* facet (multi-select facets: a window of its own for
  each facet with a chosen value);
- the themes by one join per family's theme table;
- the ids of the page of hits, ordered in SQL by relevance x recency (search/ranking.py's formula) or by date,
  with LIMIT/OFFSET: no match leaves the database but the ten on the page.

Up to the cap every count is exact and every match is ranked. Beyond it the total is the cap ("more than"),
the hits are the best of the newest cap matches and the facets count those (``OnePass.capped``,
``facets_capped``; the page says so). Counting every match cost 0.5-2 s for a common word at 100,000 news items
(docs/benchmarks/search.md). SQLite counts every match, in Python (database_facets.Matches).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import F
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from search import registry
from search.backends.database_facets import date_expression, family_facet, theme_facet, type_facet, year_facet
from search.ranking import RECENCY_HALF_LIFE_DAYS, RECENCY_WEIGHT
from search.results import Facet, SearchParams


@dataclass
class OnePass:
    """What the search page needs of the matches: the total, the facets and the ids of one page of hits."""

    total: int = 0
    facets: list[Facet] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    # More matches than count_cap(): the total is the cap, the page of hits the best of the newest cap matches.
    capped: bool = False
    # Some facet's counts cover only the newest count_cap() matches that pass the other facets' filters.
    facets_capped: bool = False


# A word in more pages than this is not counted further: the page says "more than 1,000", ranks the newest
# 1,000 matches and counts the facets over them. Counting every match of a word in half of 100,000 news items
# cost 0.5-2 s (docs/benchmarks/search.md); the newest 1,000 cost about as much as a rare word's matches.
COUNT_CAP = 1_000


def _facet_fields() -> dict[str, str]:
    """SQL alias of each family facet's value ("f0", ...) by facet name."""
    return {name: f"f{n}" for n, name in enumerate(registry.family_facets())}


def _facet_expression(name: str) -> models.Expression:
    """A family facet's value from the page row: the field of whichever family the page belongs to (LEFT JOINs)."""
    from search.backends.database_facets import _path_from_page

    lookups = [
        Cast(F(f"{_path_from_page(family.model)}__{facet.field}"), models.TextField())
        for family, facet in registry.family_facets()[name]
    ]
    return Coalesce(*lookups, output_field=models.TextField()) if len(lookups) > 1 else lookups[0]


def _theme_tables() -> list[tuple[str, str, str]]:
    """(table, page column, theme column) of every family's theme relation."""
    tables = []
    for family in registry.families():
        if not family.theme_field:
            continue
        m2m = family.model._meta.get_field(family.theme_field)
        through = m2m.remote_field.through
        page_column = through._meta.get_field(m2m.m2m_field_name()).column
        theme_column = through._meta.get_field(m2m.m2m_reverse_field_name()).column
        tables.append((through._meta.db_table, page_column, theme_column))
    return tables


def _conditions(params: SearchParams) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The SQL condition (over the CTE ``m``) and its parameters for each chosen filter, by facet name."""
    from home.models import Theme

    sql: dict[str, str] = {}
    values: dict[str, list[Any]] = {}
    facet_fields = _facet_fields()
    for name, chosen in params.filters.items():
        if name == "type":
            content_types = [ct for ct, f in registry.families_by_content_type().items() if f.key in chosen]
            sql[name], values[name] = "m.ct = ANY(%s)", [content_types]
        elif name == "year":
            sql[name], values[name] = "m.y = ANY(%s)", [[int(year) for year in chosen]]
        elif name == "theme":
            # By slug in any language: translated pages keep their Dutch source's themes (synchronised).
            theme_ids = list(Theme.objects.filter(slug__in=chosen).values_list("pk", flat=True))
            union = " UNION ALL ".join(
                f'SELECT "{page}" FROM "{table}" WHERE "{theme}" = ANY(%s)'  # noqa: S608 - names from the models
                for table, page, theme in _theme_tables()
            )
            sql[name] = f"m.id IN ({union})" if union else "FALSE"
            values[name] = [theme_ids] * len(_theme_tables())
        elif name in facet_fields:
            sql[name], values[name] = f"m.{facet_fields[name]} = ANY(%s)", [list(chosen)]
    return sql, values


def _year_hint(params: SearchParams) -> tuple[str, list[Any]]:
    """The chosen years as ranges of first publication (on its index), in the time zone the dates are in."""
    zone = timezone.get_current_timezone()
    years = sorted({int(year) for year in params.filters["year"]})
    ranges = " OR ".join(["(m.p >= %s AND m.p < %s)"] * len(years))
    bounds = [
        bound for year in years for bound in (datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone))
    ]
    return ranges, bounds


def _where(conditions: dict[str, str], values: dict[str, list[Any]], *, except_: str | None = None) -> tuple[str, list]:
    names = [name for name in conditions if name != except_]
    if not names:
        return "TRUE", []
    return " AND ".join(f"({conditions[name]})" for name in names), [v for name in names for v in values[name]]


def count_cap() -> int:
    """Matches beyond this many are not counted (``SEARCH_COUNT_CAP``, default COUNT_CAP)."""
    return max(1, int(getattr(settings, "SEARCH_COUNT_CAP", COUNT_CAP)))


def one_pass(matched: models.QuerySet, params: SearchParams, locale_id: int, start: int, stop: int) -> OnePass:
    """Total, facets and the ids of hits ``start:stop`` (of the best first, or newest first with sort=date), over
    at most ``count_cap()`` matches: the newest (by first publication) when a word is that common."""
    cap = count_cap()
    facet_fields = _facet_fields()
    columns = (
        matched.order_by()
        .annotate(
            _id=F("pk"),
            _ct=F("content_type_id"),
            _d=date_expression(),
            _p=F("first_published_at"),
            **{f"_{alias}": _facet_expression(name) for name, alias in facet_fields.items()},
        )
        .values("_id", "_ct", "_d", "_p", "_score", *[f"_{alias}" for alias in facet_fields.values()])
    )
    inner, inner_params = columns.query.sql_with_params()
    facet_columns = "".join(f", _{alias} AS {alias}" for alias in facet_fields.values())
    conditions, values = _conditions(params)

    windows, window_params, window_of = _windows(conditions, values, params, cap)
    params_out: list[Any] = [*inner_params, *window_params]

    # Counts per grouping set: each facet over its own window.
    counts = [f"count(*) FILTER (WHERE m.in{window_of[name]}) AS c_{name}" for name in ["type", "year", *facet_fields]]
    counts.append("count(*) FILTER (WHERE m.in0) AS c_all")
    group_columns = ["m.ct", "m.y", *[f"m.{alias}" for alias in facet_fields.values()]]
    sets = ", ".join(f"({column})" for column in group_columns)

    # Themes: one aggregate per family's theme table joined with the matches of the theme facet's window.
    themes_sql = (
        " UNION ALL ".join(
            f'SELECT t."{theme}" AS theme_id, count(*) AS n FROM m JOIN "{table}" t ON t."{page}" = m.id '  # noqa: S608
            f'WHERE m.in{window_of["theme"]} GROUP BY t."{theme}"'
            for table, page, theme in _theme_tables()
        )
        or "SELECT NULL::int AS theme_id, 0 AS n WHERE FALSE"
    )

    if params.sort == "date":
        order = "m.d DESC NULLS LAST, m.id DESC"
        order_params: list[Any] = []
    else:
        # search/ranking.py: relevance x (1 + RECENCY_WEIGHT x 0.5 ^ (age in days / half-life)), newest on a tie.
        order = (
            "COALESCE(m.score, 0) * CASE WHEN m.d IS NULL THEN 1.0 ELSE "
            "1.0 + %s * power(0.5, GREATEST(%s::date - m.d, 0) / %s::float8) END DESC, m.d DESC NULLS LAST, m.id DESC"
        )
        order_params = [RECENCY_WEIGHT, timezone.localdate(), float(RECENCY_HALF_LIFE_DAYS)]
    params_out.extend([*order_params, stop - start, start])

    sql = f"""
        WITH base AS NOT MATERIALIZED (
            SELECT _id AS id, _ct AS ct, _d AS d, EXTRACT(YEAR FROM _d)::int AS y, _score AS score, _p AS p
                {facet_columns}
            FROM ({inner}) AS matched
        ),
        {windows}
        SELECT
            (SELECT json_agg(g) FROM (
                SELECT GROUPING({", ".join(group_columns)}) AS bits, {", ".join(group_columns)}, {", ".join(counts)}
                FROM m GROUP BY GROUPING SETS ({sets}, ())
            ) g),
            (SELECT json_agg(t) FROM ({themes_sql}) t),
            (SELECT json_agg(h.id) FROM (
                SELECT m.id FROM m WHERE m.in0 ORDER BY {order} LIMIT %s OFFSET %s
            ) h),
            json_build_array({", ".join(f"(SELECT count(*) FROM w{n})" for n in range(len(conditions) + 1))})
    """  # noqa: S608 - table and column names come from the models, every value is a parameter
    with transaction.atomic(), connection.cursor() as cursor:
        # For this transaction only: no JIT (its compilation, 0.7 s, cost more than the statement, which the
        # planner overestimates for the theme joins), and no parallel workers (the walk stops after cap + 1 rows
        # and gains nothing from one; planning took longer with them, and on a small server they take the cores
        # of other requests). One statement: the query budgets count statements.
        cursor.execute(
            "SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)"
        )
        cursor.execute(sql, params_out)
        groups, themes, ids, sizes = cursor.fetchone()
    found = _result(groups or [], themes or [], ids or [], params, locale_id, group_columns)
    found.capped = sizes[0] > cap
    found.facets_capped = any(size > cap for size in sizes)
    return found


def _windows(
    conditions: dict[str, str], values: dict[str, list[Any]], params: SearchParams, cap: int
) -> tuple[str, list[Any], dict[str, int]]:
    """The CTEs of the windows of matches that are counted, their parameters, and the window of each facet.

    w0 holds the matches passing every chosen filter (the total and the page of hits); each facet with a chosen
    value has a window of the matches passing every *other* filter (its counts: multi-select facets). A window is
    the newest cap + 1 matches by first publication (the index on first_published_at, walked newest first where
    the word is common), numbered (``rn``); the extra row only says that there are more than cap. ``m`` is their
    union with a flag per window (``in0``...) for the rows of its first cap."""
    names = [None, *conditions]
    sql, sql_params = [], []
    for n, except_ in enumerate(names):
        where, where_params = _where(conditions, values, except_=except_)
        part = "(SELECT m.*, {k} AS k FROM base m WHERE {where} ORDER BY m.p DESC, m.id DESC LIMIT %s)"
        if "year" in conditions and except_ != "year":
            # Two parts, read in turn until cap + 1 rows: the matches first published in a chosen year (a range on
            # the index: a year's date is nearly always its first publication's), then every other match of that
            # year (an old item published later), read only when the first part has fewer than cap + 1 rows.
            hint, hint_params = _year_hint(params)
            first = part.format(k=0, where=f"{where} AND ({hint})")
            rest = part.format(k=1, where=f"{where} AND NOT COALESCE(({hint}), FALSE)")
            rows = f"SELECT * FROM ({first} UNION ALL {rest}) parts LIMIT %s"  # noqa: S608
            sql_params.extend([*where_params, *hint_params, cap + 1, *where_params, *hint_params, cap + 1, cap + 1])
        else:
            rows = part.format(k=0, where=where)
            sql_params.extend([*where_params, cap + 1])
        sql.append(
            f"w{n} AS MATERIALIZED (SELECT m.*, row_number() OVER (ORDER BY m.k, m.p DESC, m.id DESC) AS rn "  # noqa: S608
            f"FROM ({rows}) m)"
        )
    union = " UNION ALL ".join(f"SELECT * FROM w{n}" for n in range(len(names)))  # noqa: S608
    flags = "".join(
        f", EXISTS (SELECT 1 FROM w{n} WHERE w{n}.id = u.id AND w{n}.rn <= %s) AS in{n}"  # noqa: S608
        for n in range(len(names))
    )
    sql.append(f"m AS MATERIALIZED (SELECT DISTINCT ON (u.id) u.*{flags} FROM ({union}) u)")  # noqa: S608
    sql_params.extend([cap] * len(names))
    window_of = {name: names.index(name) if name in conditions else 0 for name in ["theme", *_facet_names()]}
    return ", ".join(sql), sql_params, window_of


def _facet_names() -> list[str]:
    return ["type", "year", *_facet_fields()]


def _result(
    groups: list[dict], themes: list[dict], ids: list[int], params: SearchParams, locale_id: int, columns: list[str]
) -> OnePass:
    """Facets from the grouping sets' rows (``bits``: one bit per grouping column, 0 where it is grouped by)."""
    names = ["type", "year", *_facet_fields()]
    keys = [column.removeprefix("m.") for column in columns]
    by_content_type = registry.families_by_content_type()
    counts: dict[str, Counter] = {name: Counter() for name in names}
    total = 0
    everything = (1 << len(keys)) - 1
    for row in groups:
        if row["bits"] == everything:
            total = row["c_all"]
            continue
        position = next(i for i in range(len(keys)) if not row["bits"] & (1 << (len(keys) - 1 - i)))
        name, value = names[position], row[keys[position]]
        if value is None or not row[f"c_{name}"]:
            continue
        if name == "type":
            family = by_content_type.get(value)
            if family is not None:
                counts[name][family.key] += row[f"c_{name}"]
        else:
            counts[name][str(value) if name != "year" else value] += row[f"c_{name}"]
    theme_counts: Counter = Counter()
    for row in themes:
        theme_counts[row["theme_id"]] += row["n"]
    facets = [
        type_facet(counts["type"], params),
        theme_facet(theme_counts, params, locale_id),
        year_facet(counts["year"], params),
        *[family_facet(name, counts[name], params) for name in _facet_fields()],
    ]
    return OnePass(total=total, facets=facets, ids=ids)
