"""Ranking with small corpora whose order is known (search/backends/database.py, wagtail_database.py and the
Elasticsearch query): recency orders equal matches without drowning relevance, a whole word ranks above a part
of a compound, the summary above the body. Runs on SQLite, on PostgreSQL (DATABASE_URL) and on Elasticsearch
(ELASTICSEARCH_URL). Every pair is created so that the tie-break alone (newest id first) would give the wrong
order: the test fails if the ranking rule is missing."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils.text import slugify
from wagtail.rich_text import RichText

from home.models import ContentPage
from search import service
from search.backends import wagtail_database
from search.backends.elastic import index
from search.ranking import RECENCY_HALF_LIFE_DAYS, recency_factor
from search.results import SearchParams

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime.now(tz=datetime.UTC).date()


def add(parent, title, intro="", *, body="", checked=None):
    page = ContentPage(
        title=title,
        slug=slugify(title)[:50],
        intro=intro,
        body=[("paragraph", RichText(f"<p>{body}</p>"))] if body else [],
        last_checked=checked,
    )
    parent.add_child(instance=page)
    return page


def order(query, site, backend):
    # Unrelated pages: with only a handful of entries SQLite's BM25 gives a word in half of them no weight at all.
    home = site.root_page
    for n in range(8):
        add(home, f"Ander onderwerp {n}", "Over iets heel anders.")
    cache.clear()
    if backend == "elasticsearch":
        index.rebuild()
    response = service.search(SearchParams(query=query, per_page=50), site=site)
    return [hit.title for hit in response.hits]


def test_recent_news_above_old_news_for_the_same_match(home_page, main_site, backend):
    recent = add(home_page, "Nachtopvang in Zwolle", "Over de nachtopvang.", checked=TODAY - datetime.timedelta(30))
    old = add(home_page, "Nachtopvang in Breda", "Over de nachtopvang.", checked=datetime.date(2016, 1, 1))
    found = order("nachtopvang", main_site, backend)
    assert found.index(recent.title) < found.index(old.title)


def test_recency_does_not_drown_relevance(home_page, main_site, backend):
    named = add(home_page, "De winteropvangregeling", "Uitleg.", checked=datetime.date(2015, 1, 1))
    mention = add(
        home_page,
        "Jaaroverzicht",
        "Dit jaar ook iets over de winteropvangregeling, tussen veel ander nieuws.",
        checked=TODAY,
    )
    found = order("winteropvangregeling", main_site, backend)
    assert found.index(named.title) < found.index(mention.title)


def test_whole_word_above_a_compound_part(home_page, main_site, backend):
    whole = add(home_page, "Detentie in cijfers", "Een overzicht.")
    compound = add(home_page, "Vreemdelingendetentie in cijfers", "Een overzicht.")
    found = order("detentie", main_site, backend)
    assert found.index(whole.title) < found.index(compound.title)


def test_summary_above_body(home_page, main_site, backend):
    # "zomerkampregeling" is not in the lexicon: the query searches its parts (zomerkamp, regeling), which the
    # index must hold at the level of the text they came from (summary), not of the body.
    in_summary = add(home_page, "Eerste pagina", "Alles over de zomerkampregeling in de stad.")
    in_body = add(home_page, "Tweede pagina", body="Alles over de zomerkampregeling in de stad.")
    found = order("zomerkampregeling", main_site, backend)
    assert found.index(in_summary.title) < found.index(in_body.title)


def test_summary_above_body_for_a_known_word(home_page, main_site, backend):
    in_summary = add(home_page, "Eerste pagina", "Alles over de winteropvang in de stad.")
    in_body = add(home_page, "Tweede pagina", body="Alles over de winteropvang in de stad.")
    found = order("winteropvang", main_site, backend)
    assert found.index(in_summary.title) < found.index(in_body.title)


def test_title_above_summary_for_a_word_searched_by_its_parts(home_page, main_site, backend):
    in_title = add(home_page, "De zomerkampregeling", "Een overzicht.")
    in_summary = add(home_page, "Eerste pagina", "Alles over de zomerkampregeling.")
    found = order("zomerkampregeling", main_site, backend)
    assert found.index(in_title.title) < found.index(in_summary.title)


def test_four_ranking_levels_have_four_labels():
    """Title, title parts, summary and body are told apart on PostgreSQL only if each has a label of its own
    (modelsearch derives the labels from the boosts the installed models declare)."""
    from modelsearch.backends.database.postgres import weights

    if not weights.BOOSTS_WEIGHTS:
        weights.set_weights()
    assert wagtail_database.level_labels() == ["A", "B", "C", "D"]
    assert wagtail_database.rank_weights() == "{0.1, 0.4, 0.5, 1.0}"


def test_recency_formula_is_bounded():
    assert recency_factor(None, TODAY) == 1.0
    assert recency_factor(TODAY, TODAY) == 1.25
    year_ago = TODAY - datetime.timedelta(days=RECENCY_HALF_LIFE_DAYS)
    assert recency_factor(year_ago, TODAY) == pytest.approx(1.125)
    assert 1.0 < recency_factor(datetime.date(2000, 1, 1), TODAY) < 1.01
