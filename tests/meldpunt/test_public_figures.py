"""The public Meldpunt numbers: the page in Dutch and English, its CSV and JSON, and the chart block. Only
protected counts, accessible charts with tables, no JavaScript, no cookie; bad parameters never break it."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.meldpunt.numbers import register_fixture  # noqa: F401 - the `register` fixture

pytestmark = pytest.mark.django_db
SMALL_CELL = re.compile(r'class="chart__number">\s*[1-4]\s*<')
PAGE, CSV, JSON = "/meldpunt/cijfers/", "/meldpunt/cijfers/csv/", "/meldpunt/cijfers/json/"


@pytest.fixture
def filled(register):
    for month, count in ((1, 14), (4, 2), (7, 11), (10, 9)):
        register(count, datetime.date(2025, month, 10), "Detentiecentrum Rotterdam", topics=("medical", "isolation"))
    register(3, datetime.date(2025, 5, 1), "Politiecellen Utrecht", topics=("food",), channel="letter")
    register(
        12,
        datetime.date(2024, 11, 1),
        "Detentiecentrum Zeist",
        status="closed",
        outcome="resolved",
        closed_on=datetime.date(2024, 12, 1),
    )


def test_the_page_shows_protected_charts_with_tables_and_no_script(client, filled):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    body = html.split('<div class="container figures">')[1].split("</main>")[0]
    svgs = re.findall(r'<svg class="chart__svg"[^>]*>.*?</svg>', body, re.S)
    assert len(svgs) == 7  # quarters, years, location, topic, channel, status, outcome
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert body.count("<table") == len(svgs)
    assert "<script" not in body and "http://" not in body.replace("http://www.w3.org/2000/svg", "")
    assert not SMALL_CELL.search(html)
    assert "&lt;5" in html  # the small quarter and Utrecht's letters are there, as "<5"
    assert "Politiecellen Utrecht" not in html
    assert 'name="viewport"' in html and 'method="get"' in html


def test_english_page(client, filled):
    response = client.get("/en/meldpunt/figures/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Detention Hotline figures" in html and "Reports per quarter" in html
    assert "Medical care" in html


def test_csv_and_json_are_exactly_what_the_page_shows(client, filled):
    html = client.get(f"{PAGE}?jaar=2025").content.decode().replace("&lt;", "<")
    response = client.get(f"{CSV}?jaar=2025")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="meldpunt-cijfers-2025.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["tabel", "rij", "kolom", "waarde"]
    assert len(rows) > 20
    for _table, label, _column, value in rows[1:]:
        assert not re.fullmatch(r"[1-4]", value)
        assert f">{value}<" in html and label in html
    data = client.get(f"{JSON}?jaar=2025").json()
    assert data["year"] == "2025" and data["years"] == ["2024", "2025"]
    assert {table["key"] for table in data["tables"]} == {
        "trend",
        "years",
        "location",
        "topic",
        "channel",
        "status",
        "outcome",
    }


def test_an_empty_register_says_so(client, register):
    response = client.get(PAGE)
    assert response.status_code == 200
    assert "Er zijn nog geen cijfers" in response.content.decode()
    assert client.get(JSON).json()["tables"] == []


@pytest.mark.parametrize("value", ["%00", "1900", "9999", "x" * 5000, "2025%27--", "-1", "٢٠٢٥", "2025&jaar=2024"])
def test_hostile_year_parameter(client, filled, value):
    for url in (PAGE, CSV, JSON):
        expected = 400 if "%00" in value else 200  # NUL answers 400 before any view (security/bad_input.py)
        assert client.get(f"{url}?jaar={value}").status_code == expected


def test_the_page_takes_a_bounded_number_of_queries(client, filled):
    client.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    assert len(queries) <= 25, [query["sql"] for query in queries.captured_queries]


def test_the_chart_block_shows_the_protected_series_and_refuses_a_bad_year(filled):
    from meldpunt.blocks import MeldpuntChartBlock
    from news.models import NewsPage
    from research.models import PublicationPage

    block = MeldpuntChartBlock()
    for series in ("trend", "years", "location", "topic", "outcome"):
        html = block.render(block.to_python({"series": series, "year": "2025"}))
        assert "<svg" in html and "<table" in html and "<title" in html, series
        assert not SMALL_CELL.search(html)
        assert 'href="/meldpunt/cijfers/"' in html
    assert "2025" in block.render(block.to_python({"series": "location", "year": ""}))
    for bad in ("20255", "'; drop", "\x00", "２０２５"):
        with pytest.raises(ValidationError):
            block.clean({"series": "trend", "year": bad})
    assert "meldpunt_chart" in NewsPage.body.field.stream_block.child_blocks
    assert "meldpunt_chart" in PublicationPage.body.field.stream_block.child_blocks


def test_visitors_find_the_page_from_the_meldpunt_page_in_the_demo(client):
    from wagtail.models import Page

    page = Page.objects.get(slug="vreemdelingendetentie", locale__language_code="nl").specific
    html = client.get(page.get_url()).content.decode()
    assert f'href="{PAGE}"' in html and client.get(PAGE).status_code == 200


def test_long_location_labels_wrap_inside_the_bar_chart():
    from public_numbers.charts import BAR_ROW, LABEL_CHARS, Series, bar_chart

    long = "Politiecellen: overige locaties (elk minder dan 10 meldingen)"
    chart = bar_chart("t", "d", [long, "Detentiecentrum Rotterdam"], Series("n", [12, None], ["12", "<5"]), "Locatie")
    lines = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", str(chart.svg))
    assert " ".join(lines) == f"{long} Detentiecentrum Rotterdam" and len(lines) == 3
    assert all(len(line) <= LABEL_CHARS for line in lines)
    height = int(re.search(r'viewBox="0 0 \d+ (\d+)"', str(chart.svg)).group(1))
    assert height == 2 * BAR_ROW + 14  # the extra line pushes the following bars down
    assert chart.rows[0][0] == long  # the table keeps the whole name
