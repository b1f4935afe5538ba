"""Bad URL input never answers 500: NUL bytes, huge page numbers, malformed filters, very long query strings,
on listings, search, feeds and the API. Run on PostgreSQL too (a NUL byte that reaches PostgreSQL raises)."""

from __future__ import annotations

import pytest
from django.utils.http import urlencode

pytestmark = pytest.mark.django_db

# Every URL that reads query parameters, with the parameters it knows.
ENDPOINTS = {
    "/nieuws/": ["theme", "kind", "year", "tag", "page"],
    "/en/news/": ["theme", "kind", "year", "tag", "page"],
    "/nieuws/feed/rss/": ["theme", "kind"],
    "/publicaties/": ["theme", "type", "year", "author", "project", "sort", "q", "page"],
    "/publicaties/feed/": ["theme", "type"],
    "/agenda/": ["plaats", "thema", "maand", "verleden", "past", "page"],
    "/agenda/ical/": ["plaats", "thema", "maand"],
    "/campagnes/": ["page"],
    "/projecten/": ["page"],
    "/zoeken/": ["q", "type", "theme", "year", "sort", "page"],
    "/zoeken/suggesties/": ["q"],
    "/api/v2/search/": ["q", "locale", "type", "theme", "year", "sort", "page"],
    "/api/v2/pages/": ["type", "fields", "limit", "offset", "order", "search", "child_of", "locale", "kind", "theme"],
    "/api/v2/images/": ["limit", "offset", "order", "fields"],
    "/api/v2/documents/": ["limit", "offset", "order", "fields"],
    "/api/v2/funders/": ["limit", "offset", "fields"],
}

BAD_VALUES = {
    "nul": "zorg\x00opvang",
    "only_nul": "\x00",
    "percent_nul": "%00",
    "huge_page": "99999999999999999999999999",
    "negative": "-1",
    "float": "1e308",
    "nan": "NaN",
    "sql": "1' OR '1'='1",
    "html": "<script>alert(1)</script>",
    "unicode": "зорг🏠\u202e\ufeff",
    "long": "a" * 5000,
    "date": "2026-13-45",
    "list": "[]",
    "dots": "../../etc/passwd",
}


def assert_not_500(response, url):
    assert response.status_code < 500, (url, response.status_code)


def bad_query_strings(path: str) -> dict[str, str]:
    """What is sent to `path`, by name: every bad value in every parameter at once, a sixty-thousand-character
    value, eight thousand fields, and repeated and malformed parameters."""
    names = ENDPOINTS[path]
    # With a type, the API accepts the news filters (kind, theme, date_from), so the values reach them.
    fixed = {"type": "news.NewsPage"} if path == "/api/v2/pages/" else {}
    queries = {bad: urlencode({**dict.fromkeys(names, value), **fixed}) for bad, value in BAD_VALUES.items()}
    queries["sixty_thousand"] = f"{names[0]}={'x' * 60_000}"
    queries["many_fields"] = "&".join(f"p{i}=1" for i in range(8_000))
    queries["repeated_and_malformed"] = "&".join(
        [f"{names[0]}=1&{names[0]}=2", "=x", "&&&", "%zz=%zz", f"{names[-1]}[]=a", "page=%FF%FE", "q=%ED%B3%BF%C0%AF"]
    )
    return queries


@pytest.mark.parametrize("path", ENDPOINTS)
def test_bad_query_strings_never_answer_500(client, path):
    """One test per URL, every bad query string in turn: one test per pair started each with an empty cache, so
    each request rendered the menu and footer afresh (16 x 18 cold renders for the same few pages)."""
    client.raise_request_exception = False  # an exception is a 500 like any other: list them all
    failures = []
    for what, query in bad_query_strings(path).items():
        status = client.get(f"{path}?{query}").status_code
        if status >= 500:
            failures.append((what, status))
    assert not failures, (path, failures)


def test_api_declared_filters_answer_400_not_500(client):
    for params in (
        {"type": "news.NewsPage", "date_from": "31-31-2026"},
        {"type": "news.NewsPage", "date_from": "\x00"},
        {"type": "news.NewsPage", "theme": "\x00"},
        {"type": "nope.Nothing"},
        {"type": "news.NewsPage", "order": "-secret_field"},
        {"limit": "100000"},
        {"offset": "99999999999999999999"},
    ):
        response = client.get("/api/v2/pages/", params)
        assert response.status_code in {200, 400}, (params, response.status_code)


def test_event_detail_and_bad_paths(client):
    for path in (
        "/agenda/999999999999-x/",
        "/agenda/1-%00/",
        "/nieuws/%00/",
        "/documents/999999/x.pdf",
        "/api/v2/pages/99999999999999999999/",
        "/api/v2/pages/%00/",
        "/zoeken/%00/",
        "/%00",
        "/" + "a/" * 500,
    ):
        assert_not_500(client.get(path), path)
