"""The published tables as charts: a line over time for a series of quarters or years, bars for a breakdown."""

from __future__ import annotations

from public_numbers.charts import Chart, Series, bar_chart, line_chart
from public_numbers.tables import Published, Table

LINE_TABLES = ("trend", "years")


def chart_for(table: Table) -> Chart:
    labels = [label for label, _values in table.rows]
    series = [
        Series(name, [row[index].value for _label, row in table.rows], [row[index].text for _label, row in table.rows])
        for index, name in enumerate(table.columns)
    ]
    if table.key in LINE_TABLES:
        return line_chart(table.title, table.description, labels, series, table.row_heading)
    return bar_chart(table.title, table.description, labels, series[0], table.row_heading)


def charts_for(figures: Published) -> dict[str, Chart]:
    """Every published table of `figures` as a chart, by table key."""
    return {table.key: chart_for(table) for table in figures.tables}
