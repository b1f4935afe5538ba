"""The publications overview: filters that combine, sorting, search, pagination, bad input and query budget."""

from __future__ import annotations

import re

import pytest

from home.models import Theme
from tests.factories.research import FunderFactory, PublicationPageFactory, add_author

pytestmark = pytest.mark.django_db

DEMO = {
    "report": "Medische zorg in vreemdelingendetentie",
    "article": "De rechtspositie van vreemdelingen tijdens de uitzetting",
    "ar2014": "Jaarverslag 2014",
    "ar2015": "Jaarverslag 2015",
    "student": "Naar school zonder papieren: toegang tot onderwijs voor ongedocumenteerde kinderen",
    "mp2026": "Jaarrapport Meldpunt Vreemdelingendetentie 2026",
    "ar2025": "Jaarverslag 2025",
    "lvv": "Factsheet: de Landelijke Vreemdelingenvoorzieningen in 2026",
}


def _titles(client, query: str = "") -> list[str]:
    response = client.get("/publicaties/" + query)
    assert response.status_code == 200
    return re.findall(r'<h2 class="publication-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_lists_every_demo_publication_newest_first(client):
    titles = _titles(client)
    newest = [DEMO["mp2026"], DEMO["lvv"], DEMO["ar2025"]]
    assert titles == [*newest, DEMO["ar2015"], DEMO["student"], DEMO["article"], DEMO["report"], DEMO["ar2014"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?thema=controle-en-detentie", {"report", "article", "ar2014", "ar2015", "mp2026"}),
        ("?thema=basisrechten", {"report", "ar2014", "ar2015", "student", "ar2025"}),
        ("?soort=annual_report", {"ar2014", "ar2015", "ar2025"}),
        ("?jaar=2016", {"ar2015", "student"}),
        ("?auteur=Anna+de+Vries", {"report", "article"}),
        ("?thema=controle-en-detentie&soort=article", {"article"}),
        ("?thema=basisrechten&jaar=2015", {"report", "ar2014"}),  # the 2014 report appeared in 2015
        ("?auteur=Anna+de+Vries&soort=report&thema=basisrechten", {"report"}),
        ("?thema=basisrechten&soort=article", set()),
    ],
)
def test_filters_combine(client, query, expected):
    assert set(_titles(client, query)) == {DEMO[key] for key in expected}


def test_project_filter(client, report, home_page):
    project = home_page.get_children().get(slug="helpdesk")
    report.related_project = project
    report.save_revision().publish()
    html = client.get("/publicaties/").content.decode()
    assert f'<option value="{project.pk}">Helpdesk</option>' in html
    assert _titles(client, f"?project={project.pk}") == [DEMO["report"]]


def test_sort_by_title(client):
    titles = _titles(client, "?sort=title")
    assert titles == sorted(titles, key=str.lower)


def test_search_within_filters(client):
    meldpunt = {DEMO[key] for key in ("report", "ar2014", "ar2015", "mp2026", "ar2025")}
    assert set(_titles(client, "?q=meldpunt")) == meldpunt
    annual = [DEMO["ar2014"], DEMO["ar2015"], DEMO["ar2025"]]
    assert set(_titles(client, "?q=meldpunt&soort=annual_report")) == set(annual)
    assert _titles(client, "?q=meldpunt&soort=annual_report&sort=title") == annual
    assert _titles(client, "?q=meldpunt&thema=basisrechten&soort=article") == []


def test_search_finds_by_summary_text(client):
    titles = _titles(client, "?q=tolken")
    assert DEMO["report"] in titles  # its summary mentions interpreters; the 2026 hotline report does too


@pytest.mark.parametrize(
    "query",
    [
        "?thema=bestaat-niet",
        "?soort=roman",
        "?jaar=abc",
        "?jaar=99999999999999999999",
        "?auteur=" + "x" * 5000,
        "?project=abc",
        "?project=999999",
        "?sort=random",
        "?page=abc",
        "?page=99999",
        "?page=-1",
        "?q=%00",
        "?thema=%00&q=a%00b",
        "?q=" + "detentie%20" * 600,
        '?q="OR NOT (AND *',
    ],
)
def test_malformed_parameters_give_a_normal_page(client, query):
    response = client.get("/publicaties/" + query)
    if "%00" in query:  # NUL answers 400 before any view (security/bad_input.py)
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert "publicatie" in response.content.decode()


def test_unknown_filter_value_is_ignored(client):
    assert len(_titles(client, "?thema=bestaat-niet")) == len(DEMO)


def test_pagination_keeps_filters(client, publication_index):
    theme = Theme.objects.get(slug="basisrechten", locale=publication_index.locale)
    for number in range(14):
        page = PublicationPageFactory(parent=publication_index, title=f"Extra {number:02d}")
        page.themes.add(theme)
        page.save_revision().publish()
    html = client.get("/publicaties/?thema=basisrechten").content.decode()
    assert "Pagina 1 van 2" in html
    assert 'href="?thema=basisrechten&amp;page=2"' in html
    assert len(_titles(client, "?thema=basisrechten&page=2")) == 14 + 5 - 12  # five demo publications on the theme
    assert _titles(client, "?thema=basisrechten&page=99999") == _titles(client, "?thema=basisrechten&page=2")


@pytest.mark.parametrize("count", [3, 30])
def test_listing_query_budget_does_not_grow(client, publication_index, django_assert_max_num_queries, count):
    themes = list(Theme.objects.filter(locale=publication_index.locale))
    funder = FunderFactory()
    for number in range(count):
        page = PublicationPageFactory(parent=publication_index, title=f"Budget {number}")
        page.themes.set(themes)
        page.funders.add(funder)
        add_author(page, f"Auteur {number}")
        add_author(page, "Anna de Vries")
        page.save_revision().publish()
    client.get("/publicaties/")
    for query in ("", "?thema=basisrechten&auteur=Anna+de+Vries&sort=title", "?q=budget"):
        with django_assert_max_num_queries(40):
            response = client.get("/publicaties/" + query)
        assert response.status_code == 200
