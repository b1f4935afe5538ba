"""Bad input never breaks search: a normal page (or JSON) with a message, on SQLite and PostgreSQL, on the
database backend and through the Elasticsearch fallback path."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

BAD_QUERIES = {
    "empty": "",
    "spaces": "   ",
    "long": "zorg " * 1000,  # 5,000 characters
    "quotes": '"medische zorg',
    "operators": "zorg AND OR NOT NEAR( -opvang +* ^ ~2 :title",
    "fts5": 'title:zorg OR "NEAR(a b)" *',
    "emoji": "zorg 🏠🙂👩🏽‍⚕️",
    "nul": "zorg\x00opvang",
    "control": "\x01\x02\x1b[31m",
    "sql": "'; DROP TABLE wagtailcore_page; --",
    "html": "<script>alert(1)</script>",
    "percent": "%%%_\\",
}
BAD_PAGES = ["abc", "10000", "-1", "0", "1e9", "99999999999999999999", "%00"]


@pytest.fixture(params=["database", "fallback"])
def search_backend(request, settings):
    from search.backends.elastic import connection

    if request.param == "fallback":
        settings.SEARCH_ELASTICSEARCH = {**settings.SEARCH_ELASTICSEARCH, "URL": "http://127.0.0.1:1", "TIMEOUT": 1}
    else:
        settings.SEARCH_ELASTICSEARCH = {**settings.SEARCH_ELASTICSEARCH, "URL": ""}
    connection.reset_client()
    yield request.param
    connection.reset_client()


# Unusable bytes (NUL, control characters) are refused with a 400 and a Dutch message before any view runs
# (security/bad_input.py); every other bad query gets a normal page.
UNUSABLE = {"nul", "control"}


def expected_status(name: str) -> int:
    return 400 if name in UNUSABLE else 200


@pytest.mark.parametrize("name", BAD_QUERIES)
def test_bad_queries_give_a_normal_page(client, name, search_backend):
    response = client.get("/zoeken/", {"q": BAD_QUERIES[name], "page": "2"})
    assert response.status_code == expected_status(name)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if not BAD_QUERIES[name].strip():
        assert "Zoek in alles op deze website" in html  # the friendly empty state


def test_control_only_query_says_so(client):
    response = client.get("/zoeken/", {"q": "\x01\x02"})
    assert response.status_code == 400
    assert "tekens die we niet kunnen lezen" in response.content.decode()


def test_long_query_says_it_was_shortened(client):
    html = client.get("/zoeken/", {"q": "zorg " * 1000}).content.decode()
    assert "erg lang" in html


def test_nul_byte_in_raw_query_string(client, search_backend):
    for url in ("/zoeken/?q=zorg%00&page=%00", "/zoeken/suggesties/?q=zo%00rg", "/api/v2/search/?q=%00&page=%00"):
        assert client.get(url).status_code == 400


@pytest.mark.parametrize("page", BAD_PAGES)
def test_bad_page_numbers(client, page, search_backend):
    response = client.get("/zoeken/", {"q": "helpdesk", "page": page})
    assert response.status_code == 200
    api = client.get("/api/v2/search/", {"q": "helpdesk", "page": page})
    assert api.status_code == 200
    assert api.json()["page"] >= 1


def test_page_beyond_the_end_shows_last_page_with_message(client):
    html = client.get("/zoeken/", {"q": "helpdesk", "page": "10000"}).content.decode()
    assert "bestaat niet" in html
    assert re.search(r"\d+ resulta(at|ten)", html)
    assert 'class="result-list__title"' in html  # the last page's results are shown


@pytest.mark.parametrize("name", BAD_QUERIES)
def test_bad_queries_on_autocomplete_and_api(client, name, search_backend):
    assert client.get("/zoeken/suggesties/", {"q": BAD_QUERIES[name]}).status_code == expected_status(name)
    response = client.get("/api/v2/search/", {"q": BAD_QUERIES[name], "locale": "xx", "sort": "nonsense"})
    assert response.status_code == expected_status(name)
    if name not in UNUSABLE:
        assert response.json()["sort"] == "relevance"


def test_bad_filters_are_ignored(client):
    response = client.get(
        "/zoeken/",
        {"q": "helpdesk", "type": ["x" * 5000, "%"], "year": ["20251", "-1"], "theme": "<b>", "sort": "🙂"},
    )
    assert response.status_code == 200


def test_non_get_is_refused_cleanly(client):
    assert client.post("/zoeken/", {"q": "zorg"}).status_code == 405
