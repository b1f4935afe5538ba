"""The search page on PostgreSQL in one statement: total, every facet and the page of hits from ONE pass over the
matches.

The match (Wagtail's full-text query on its index table, scoped to the site and language: search/scope.py) is
computed once as a materialised CTE with each match's type, date, family facet values and relevance (ts_rank on
the stored vectors); over it, in the same statement:

- the total and the type, year and family facets in one ``GROUP BY GROUPING SETS``, each facet counted with the
  visitor's choices in every *other* facet (multi-select facets, ``count(*) FILTER (WHERE ...)``);
- the themes by one join with the families' theme tables;
- the ids of the page of hits, ordered in SQL by relevance x recency (search/ranking.py's formula) or by date,
  with LIMIT/OFFSET: no match leaves the database but the ten on the page.

Before this, each facet ran as its own query over the matched ids and every match's id, date and score went to
Python to be ranked there: at 100,000 news items a common word (54,000 matches) cost about 28 statements and
31 s under load (docs/benchmarks/search.md). SQLite keeps the counting in Python (database_facets.Matches).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

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


def _where(conditions: dict[str, str], values: dict[str, list[Any]], *, except_: str | None = None) -> tuple[str, list]:
    names = [name for name in conditions if name != except_]
    if not names:
        return "TRUE", []
    return " AND ".join(f"({conditions[name]})" for name in names), [v for name in names for v in values[name]]


def one_pass(matched: models.QuerySet, params: SearchParams, locale_id: int, start: int, stop: int) -> OnePass:
    """Total, facets and the ids of hits ``start:stop`` (of the best first, or newest first with sort=date)."""
    facet_fields = _facet_fields()
    columns = (
        matched.order_by()
        .annotate(
            _id=F("pk"),
            _ct=F("content_type_id"),
            _d=date_expression(),
            **{f"_{alias}": _facet_expression(name) for name, alias in facet_fields.items()},
        )
        .values("_id", "_ct", "_d", "_score", *[f"_{alias}" for alias in facet_fields.values()])
    )
    inner, inner_params = columns.query.sql_with_params()
    facet_columns = "".join(f", _{alias} AS {alias}" for alias in facet_fields.values())
    conditions, values = _conditions(params)

    params_out: list[Any] = [*inner_params]
    # Counts per grouping set: each facet with every filter but its own, the total with all of them.
    counts = []
    for name in ["type", "year", *facet_fields]:
        where, where_params = _where(conditions, values, except_=name)
        counts.append(f"count(*) FILTER (WHERE {where}) AS c_{name}")
        params_out.extend(where_params)
    where_all, all_params = _where(conditions, values)
    counts.append(f"count(*) FILTER (WHERE {where_all}) AS c_all")
    params_out.extend(all_params)
    group_columns = ["m.ct", "m.y", *[f"m.{alias}" for alias in facet_fields.values()]]
    sets = ", ".join(f"({column})" for column in group_columns)

    # Themes: one aggregate per family's theme table, each a hash join with the matches (a join with the union of
    # the tables was planned as 54,000 index probes per table: 850 ms of a common word under load).
    theme_where, theme_params = _where(conditions, values, except_="theme")
    themes_sql = (
        " UNION ALL ".join(
            f'SELECT t."{theme}" AS theme_id, count(*) AS n FROM m JOIN "{table}" t ON t."{page}" = m.id '  # noqa: S608
            f'WHERE {theme_where} GROUP BY t."{theme}"'
            for table, page, theme in _theme_tables()
        )
        or "SELECT NULL::int AS theme_id, 0 AS n WHERE FALSE"
    )
    params_out.extend(theme_params * len(_theme_tables()))

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
    params_out.extend([*all_params, *order_params, stop - start, start])

    sql = f"""
        WITH m AS MATERIALIZED (
            SELECT _id AS id, _ct AS ct, _d AS d, EXTRACT(YEAR FROM _d)::int AS y, _score AS score{facet_columns}
            FROM ({inner}) AS matched
        )
        SELECT
            (SELECT json_agg(g) FROM (
                SELECT GROUPING({", ".join(group_columns)}) AS bits, {", ".join(group_columns)}, {", ".join(counts)}
                FROM m GROUP BY GROUPING SETS ({sets}, ())
            ) g),
            (SELECT json_agg(t) FROM ({themes_sql}) t),
            (SELECT json_agg(h.id) FROM (
                SELECT m.id FROM m WHERE {where_all} ORDER BY {order} LIMIT %s OFFSET %s
            ) h)
    """  # noqa: S608 - table and column names come from the models, every value is a parameter
    with transaction.atomic(), connection.cursor() as cursor:
        # No JIT: its compilation (0.7 s) cost more than the statement, which the planner overestimates for the
        # theme joins. SET LOCAL ends with this transaction.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params_out)
        groups, themes, ids = cursor.fetchone()
    return _result(groups or [], themes or [], ids or [], params, locale_id, group_columns)


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
