"""The public figures (page, CSV, JSON, API, charts) on the demo content: protected, accessible, without JS."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from figures.models import QuarterFigures, Shelter
from figures.statistics import public_figures
from tests.figures.derivation import derivable

pytestmark = pytest.mark.django_db
SMALL = re.compile(r"^[1-4]$")


def every_period_json(client):
    periods = public_figures().periods
    assert len(periods) >= 6
    return [client.get(f"/api/v2/figures/?kwartaal={period.key}").json() for period in periods]


def test_demo_has_small_counts_that_the_public_output_suppresses():
    rows = QuarterFigures.objects.all()
    assert any(0 < count < 5 for row in rows for counts in row.breakdowns.values() for count in counts.values())
    assert "<5" in json.dumps(public_figures().as_json())


def test_no_public_number_is_from_one_to_four_or_derivable(client):
    for data in every_period_json(client):
        tables = {table["key"]: table for table in data["tables"]}
        for table in tables.values():
            for row in table["rows"]:
                for value in row["values"]:
                    assert not (isinstance(value, int) and 0 < value < 5), (table["key"], row)
        # Breakdowns and regions against the quarter's total supported / departures from the trend table.
        trend = {row["label"]: row["values"] for row in tables["trend"]["rows"]}
        period = data["period"].replace("-", " Q")
        supported, _intakes, departures = trend[period]
        for key, table in tables.items():
            if key in ("trend", "years"):
                continue
            total = departures if key in ("duration", "outcome") else supported
            cells = [row["values"][0] for row in table["rows"]]
            assert derivable(cells, total) == [], (data["period"], key, cells, total)
        # Each year's total against its quarters.
        for row in tables["years"]["rows"]:
            year = row["label"][:4]
            for column, total in enumerate(row["values"], start=1):
                cells = [values[column] for label, values in trend.items() if label.startswith(year)]
                assert derivable(cells, total) == []


def test_csv_is_exactly_what_the_page_shows(client):
    page = client.get("/cijfers/")
    assert page.status_code == 200
    response = client.get("/cijfers/csv/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["tabel", "rij", "kolom", "waarde"]
    html = page.content.decode()
    for _table, _label, _column, value in rows[1:]:
        assert not SMALL.match(value)
        assert f">{value}<" in html.replace("&lt;", "<")
    assert client.get("/cijfers/json/").json() == client.get("/api/v2/figures/").json()


def test_charts_have_a_text_alternative_and_a_table_and_need_no_javascript(client):
    html = client.get("/cijfers/").content.decode()
    svgs = re.findall(r"<svg class=\"chart__svg\"[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) >= 8
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert html.count('<figure class="chart ') == len(svgs)
    assert html.count("<table") >= len(svgs)
    assert "<script" not in html.split('<div class="container figures">')[1].split("</main>")[0]
    assert 'method="get"' in html  # choosing another quarter is a plain form


def test_english_page(client):
    response = client.get("/en/figures/")
    assert response.status_code == 200
    assert "Emergency shelter figures" in response.content.decode()


def test_a_withdrawn_shelter_counts_nowhere(client):
    tilburg = Shelter.objects.get(city="Tilburg")
    assert tilburg.withdrawn
    assert "Tilburg" not in client.get("/cijfers/").content.decode()


def test_a_quarter_with_fewer_than_three_shelters_is_not_published():
    assert "2024-4" not in [period.key for period in public_figures().periods]
    assert QuarterFigures.objects.filter(year=2024, quarter=4).count() == 2


@pytest.mark.parametrize("value", ["%00", "2025-9", "x" * 5000, "2025-1%27--", "-1-1", "٢٠٢٥-١"])
def test_hostile_quarter_parameter(client, value):
    for url in ("/cijfers/", "/cijfers/csv/", "/cijfers/json/", "/api/v2/figures/"):
        expected = 400 if "%00" in value else 200  # NUL answers 400 before any view (security/bad_input.py)
        assert client.get(f"{url}?kwartaal={value}").status_code == expected


def test_the_chart_block_shows_the_protected_series_and_refuses_a_bad_quarter():
    from django.core.exceptions import ValidationError

    from figures.blocks import FiguresChartBlock
    from news.models import NewsPage
    from research.models import PublicationPage

    block = FiguresChartBlock()
    for series in ("trend", "nationality", "outcome"):
        html = block.render(block.to_python({"series": series, "period": "2025-3"}))
        assert "<svg" in html and "<table" in html and "<title" in html
        assert not re.search(r'class="chart__number">[1-4]<', html)
    for bad in ("2025-7", "'; drop", "\x00"):
        with pytest.raises(ValidationError):
            block.clean({"series": "trend", "period": bad})
    assert "figures_chart" in NewsPage.body.field.stream_block.child_blocks
    assert "figures_chart" in PublicationPage.body.field.stream_block.child_blocks


def test_new_figures_make_cached_pages_stale_and_the_quarter_is_a_declared_parameter():
    from caching.fragments import fragment_version
    from figures.models import FiguresPage

    before = fragment_version()
    report = QuarterFigures.objects.first()
    report.save()
    assert fragment_version() != before
    assert FiguresPage.cache_query_params == ("kwartaal",)


@pytest.mark.parametrize(
    ("labels", "shown"),
    [
        (["2025", "2026"], ["2025", "2026"]),
        (["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"], ["2025 Q2", "2025 Q4"]),
        ([f"{y} Q{q}" for y in (2025, 2026) for q in (1, 2, 3, 4)][:7], ["2025 Q1", "2025 Q4", "2026 Q3"]),
        ([f"{y} Q{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)], ["2024 Q2", "2025 Q3", "2026 Q4"]),
        (["2024", "2025", "2026 (3 van 4 kwartalen)"], ["2024", "2026 (3 van 4 kwartalen)"]),
    ],
)
def test_line_chart_labels_every_period_that_fits_and_always_the_newest(labels, shown):
    from public_numbers.charts import Series, line_chart

    chart = line_chart("t", "d", labels, [Series("n", list(range(len(labels))), ["x"] * len(labels))], "Periode")
    ticks = re.findall(r'<text class="chart__axis" x="[\d.]+" y="220" text-anchor="\w+">([^<]*)</text>', str(chart.svg))
    assert ticks == shown
    assert [label for label, _values in chart.rows] == labels  # the table keeps every period
