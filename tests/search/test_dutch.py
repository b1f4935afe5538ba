"""Dutch as people write it, on SQLite and PostgreSQL (run the suite with and without DATABASE_URL): singular and
plural (regular and irregular), compound parts, diminutives and accents, through the lexicon of search/analysis.py
in the database index; ranking of title over body; "did you mean" for a misspelt word."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import ContentPage
from search import analysis, service
from search.results import SearchParams, highlight

pytestmark = pytest.mark.django_db


def add(parent, title, intro, **fields):
    page = ContentPage(title=title, slug=slugify(title)[:50], intro=intro, **fields)
    parent.add_child(instance=page)
    return page


@pytest.fixture
def dutch(home_page):
    cache.clear()
    return {
        "kinderen": add(home_page, "Kinderen zonder papieren", "Zeven kinderen wachten op een besluit."),
        "detentie": add(home_page, "Vreemdelingendetentie: wat nu?", "Een gids voor wie wordt vastgezet."),
        "cel": add(home_page, "Isolatiecellen in Rotterdam", "Ervaringen van wie er zat."),
        "uitzetting": add(home_page, "Uitzettingen uit de gezinsopvang", "Wat de wet zegt."),
        "steden": add(home_page, "Steden die noodopvang bieden", "Een overzicht per provincie."),
        "huisje": add(home_page, "Een huisje voor Fatima", "Het verhaal van een bewoonster."),
        "accent": add(home_page, "Beïnvloeding van het zorgbeleid", "Hoe lobby werkt."),
    }


def titles(query, site, **extra):
    response = service.search(SearchParams(query=query, per_page=50, **extra), site=site)
    return [hit.title for hit in response.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind", "kinderen"),  # irregular plural
        ("kindje", "kinderen"),  # diminutive to its root
        ("kindertjes", "kinderen"),
        ("detentie", "detentie"),  # a part finds the compound
        ("vreemdelingen", "detentie"),  # the first part, inflected
        ("cel", "cel"),  # a short last part
        ("isolatiecel", "cel"),  # singular finds plural compound
        ("uitzetting", "uitzetting"),  # regular plural
        ("uitzettingen", "uitzetting"),
        ("stad", "steden"),  # irregular plural
        ("huis", "huisje"),  # diminutive
        ("huisjes", "huisje"),
        ("beinvloeding", "accent"),  # accents optional
        ("BEÏNVLOEDING", "accent"),
        ("opvang", "uitzetting"),  # a part of "gezinsopvang"
    ],
)
def test_forms_of_a_word_find_each_other(dutch, main_site, query, expected):
    assert dutch[expected].title in titles(query, main_site)


def test_every_word_must_match(dutch, main_site):
    assert titles("kind rotterdam", main_site) == []
    assert titles("kinderen papieren", main_site)[0] == dutch["kinderen"].title


def test_excerpt_marks_the_forms_that_matched():
    html = str(highlight("In de vreemdelingendetentie zaten zeven kinderen.", "detentie kind"))
    assert "<mark>vreemdelingendetentie</mark>" in html and "<mark>kinderen</mark>" in html


def test_lexicon_analysis_is_language_aware():
    assert "kind" in analysis.word_forms("kinderen", "nl")
    assert "woman" in analysis.word_forms("women", "en")
    assert analysis.query_terms("Kinderen in cellen", "nl") == "kind in cel"
    assert analysis.added_words("", "nl") == ""
    # A language without a lexicon is searched as written.
    assert analysis.query_terms("kinderen", "xx") == "kinderen"


def test_title_match_ranks_above_a_body_mention(home_page, main_site):
    cache.clear()
    mention = add(home_page, "Jaaroverzicht", "Dit jaar ook iets over de zwaluwregeling, tussen veel ander nieuws.")
    title = add(home_page, "De zwaluwregeling", "Uitleg.")
    found = titles("zwaluwregeling", main_site)
    assert found.index(title.title) < found.index(mention.title)


def test_contact_never_ranks_above_a_real_match(main_site):
    found = titles("vreemdelingendetentie", main_site)
    assert found and found[0] != "Contact"
    assert "Contact" not in titles("opvang", main_site)[:3]


def test_a_misspelt_name_gets_a_suggestion(microsite):
    nl = Locale.objects.get(language_code="nl")
    # The microsite's own name is found on the microsite (its pages are searchable now) ...
    assert service.search(SearchParams(query="Ilegalevrouw"), site=microsite, locale=nl).total
    # ... and a misspelling of it is answered with the name as written on the site.
    response = service.search(SearchParams(query="Illegalevrouw"), site=microsite, locale=nl)
    assert response.total == 0 and response.suggestion == "ilegalevrouw"
    response = service.search(SearchParams(query="vreemdelingendetenite"), site=None)
    assert response.total == 0 and response.suggestion == "vreemdelingendetentie"


def test_the_suggestion_is_a_link(client):
    html = client.get("/zoeken/", {"q": "vreemdelingendetenite"}).content.decode()
    assert "Bedoel je:" in html and 'href="/zoeken/?q=vreemdelingendetentie"' in html
