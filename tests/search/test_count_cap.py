"""Counting up to a cap (PostgreSQL, search/backends/database_pass.py): a word in more pages than
``SEARCH_COUNT_CAP`` shows "more than" the cap, its hits come from the newest matches (by first publication)
and the facets count those; up to the cap every count is exact. SQLite counts every match."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import translation
from wagtail.models import Page

from home.models import Theme
from search import service
from search.results import SearchParams
from tests.search.conftest import _page

pytestmark = pytest.mark.django_db

CAPPED = connection.vendor == "postgresql"


@pytest.fixture
def counted(home_page, settings):
    """Five pages with the word "tellertoets": two first published in 2025, three in 2024 (newest first)."""
    settings.SEARCH_ELASTICSEARCH = {**settings.SEARCH_ELASTICSEARCH, "URL": ""}
    theme, _ = Theme.objects.get_or_create(slug="basisrechten", locale=home_page.locale, defaults={"name": "Basis"})
    days = [
        datetime.date(2025, 9, 1),
        datetime.date(2025, 3, 1),
        datetime.date(2024, 11, 1),
        datetime.date(2024, 6, 1),
        datetime.date(2024, 2, 1),
    ]
    pages = []
    for n, day in enumerate(days):
        page = _page(home_page, f"Teller {n}", "Over de tellertoets.", checked=day, themes=[theme], slug=f"teller-{n}")
        published = datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
        Page.objects.filter(pk=page.pk).update(first_published_at=published)
        pages.append(page)
    return pages


def run(site, **filters):
    data = QueryDict(mutable=True)
    data["q"] = "tellertoets"
    for key, value in filters.items():
        data.setlist(key, [value])
    return service.search(SearchParams.from_querydict(data), site=site)


def counts(response, name: str) -> dict[str, int]:
    facet = next(f for f in response.facets if f.name == name)
    return {v.value: v.count for v in facet.values}


def test_every_match_is_counted_up_to_the_cap(counted, main_site, settings):
    settings.SEARCH_COUNT_CAP = 5
    response = run(main_site)
    assert (response.total, response.total_capped, response.facets_capped) == (5, False, False)
    assert counts(response, "year") == {"2025": 2, "2024": 3}
    assert counts(response, "theme") == {"basisrechten": 5}
    assert len(response.hits) == 5


def test_more_matches_than_the_cap(counted, main_site, settings):
    settings.SEARCH_COUNT_CAP = 4
    response = run(main_site)
    if not CAPPED:
        assert (response.total, response.total_capped) == (5, False)
        return
    assert (response.total, response.total_capped, response.facets_capped, response.count_cap) == (4, True, True, 4)
    # The newest four by first publication: the oldest is neither shown nor counted.
    assert {hit.page.pk for hit in response.hits} == {page.pk for page in counted[:4]}
    assert counts(response, "year") == {"2025": 2, "2024": 2}
    assert counts(response, "theme") == {"basisrechten": 4}
    assert counts(response, "type") == {"page": 4}
    assert response.as_json()["total_capped"] is True


def test_a_facet_counts_the_newest_matches_of_every_other_filter(counted, main_site, settings):
    settings.SEARCH_COUNT_CAP = 2
    in_2024 = run(main_site, year="2024")
    in_2025 = run(main_site, year="2025")
    if not CAPPED:
        assert (in_2024.total, in_2025.total) == (3, 2)
        return
    # Three matches in 2024: more than the cap; the hits are the newest two of that year.
    assert (in_2024.total, in_2024.total_capped) == (2, True)
    assert {hit.page.pk for hit in in_2024.hits} == {counted[2].pk, counted[3].pk}
    # The year facet counts the matches without the year filter: the newest two, both of 2025; the chosen year
    # stays on offer.
    assert counts(in_2024, "year") == {"2025": 2, "2024": 0}
    assert counts(in_2024, "theme") == {"basisrechten": 2}
    # Two matches in 2025: exact, but the year facet still counts only the newest two of all five.
    assert (in_2025.total, in_2025.total_capped, in_2025.facets_capped) == (2, False, True)
    assert counts(in_2025, "year") == {"2025": 2}


def test_the_page_says_more_than_and_what_the_counts_mean(counted, client, settings):
    settings.SEARCH_COUNT_CAP = 1000 if not CAPPED else 4
    html = client.get("/zoeken/", {"q": "tellertoets"}).content.decode()
    if not CAPPED:
        assert "5 resultaten" in html and "Meer dan" not in html
        return
    assert "Meer dan 4 resultaten" in html
    assert "De aantallen tellen alleen de 4 nieuwste resultaten." in html
    assert "we doorzoeken alleen de 4 nieuwste resultaten" in html
    settings.SEARCH_COUNT_CAP = 5
    html = client.get("/zoeken/", {"q": "tellertoets"}).content.decode()
    assert "5 resultaten" in html and "Meer dan" not in html and "nieuwste resultaten" not in html


def test_the_cap_is_written_as_a_number_in_each_language(rf, main_site):
    """The count line for a word with more than 1,000 matches, rendered from such a response (the pages here are
    fewer), with the number grouped as each language writes it."""
    from django.template.loader import render_to_string

    from search.results import SearchResponse

    response = SearchResponse(params=SearchParams(query="tellertoets"), total=1000, total_capped=True, count_cap=1000)
    response.paginate()
    context = {"result": response, "params": response.params, "search_query": "tellertoets"}
    for language, path, label in [
        ("nl", "/zoeken/", "Meer dan 1.000 resultaten"),
        ("en", "/en/search/", "More than 1,000 results"),
    ]:
        with translation.override(language):
            assert label in render_to_string("search/search_page.html", context, request=rf.get(path))
