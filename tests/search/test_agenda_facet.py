"""Agenda items in the type facet (issue 26): "Agenda" with its count beside the page types, and as a filter that
lists only agenda items, page by page, upcoming first. Runs on SQLite and on PostgreSQL (DATABASE_URL), the
hostile values of the ``type`` parameter included."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import Locale

from events.models import AMSTERDAM
from home.models import ContentPage
from search import service
from search.results import SearchParams
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(main_site):
    def on(year):
        return datetime.datetime(year, 3, 1, 19, tzinfo=AMSTERDAM)

    events = [
        EventFactory(title="Kraanvogeloverleg Noord", start=on(2030)),
        EventFactory(title="Kraanvogeloverleg Oost", start=on(2031)),
        EventFactory(title="Kraanvogeloverleg Zuid", start=on(2020)),
    ]
    EventFactory(title="Kraanvogeloverleg verborgen", published=False)
    page = ContentPage(title="Over het kraanvogeloverleg", slug="kraanvogeloverleg", intro="Uitleg.")
    main_site.root_page.add_child(instance=page)
    return events, page


def search(site, **params):
    return service.search(SearchParams(query="kraanvogeloverleg", **params), site=site, locale=Locale.get_default())


def type_values(response):
    facet = next(f for f in response.facets if f.name == "type")
    return {v.value: (str(v.label), v.count, v.selected) for v in facet.values}


def test_agenda_is_a_type_with_its_count(agenda, main_site):
    response = search(main_site)
    values = type_values(response)
    assert values["event"] == ("Agenda", 3, False)
    assert values["page"][1] == 1
    assert response.total == 1 and response.sections[0].total == 3


def test_agenda_filter_lists_only_agenda_items_upcoming_first_page_by_page(agenda, main_site):
    (noord, oost, zuid), _page = agenda
    first = search(main_site, filters={"type": ["event"]}, per_page=2)
    assert first.total == 3 and first.num_pages == 2 and first.sections == []
    assert [hit.page.pk for hit in first.hits] == [noord.pk, oost.pk]
    assert type_values(first)["event"] == ("Agenda", 3, True)
    assert type_values(first)["page"][1:] == (1, False)  # still offered, with its count
    second = search(main_site, filters={"type": ["event"]}, per_page=2, page=2)
    assert [hit.page.pk for hit in second.hits] == [zuid.pk]
    beyond = search(main_site, filters={"type": ["event"]}, per_page=2, page=9)
    assert beyond.page == 2 and [hit.page.pk for hit in beyond.hits] == [zuid.pk] and beyond.message


def test_pages_and_agenda_together(agenda, main_site):
    _events, page = agenda
    response = search(main_site, filters={"type": ["page", "event"]})
    assert [hit.page.pk for hit in response.hits] == [page.pk]
    assert response.sections[0].key == "event" and response.sections[0].total == 3


def test_a_page_type_alone_counts_the_agenda_but_does_not_show_it(agenda, main_site):
    response = search(main_site, filters={"type": ["page"]})
    assert response.sections == [] and type_values(response)["event"] == ("Agenda", 3, False)


def test_items_have_no_year_so_a_year_filter_leaves_them_out(agenda, main_site):
    response = search(main_site, filters={"year": ["2030"]})
    assert "event" not in type_values(response) and response.sections == []


def test_search_page_and_api_offer_the_agenda_filter(agenda, client):
    html = client.get("/zoeken/", {"q": "kraanvogeloverleg", "type": "event"}).content.decode()
    assert 'name="type" value="event" checked' in html
    assert "Kraanvogeloverleg Noord" in html and "Over het kraanvogeloverleg" not in html
    data = client.get("/api/v2/search/", {"q": "kraanvogeloverleg", "type": "event"}).json()
    assert data["total"] == 3 and data["results"][0]["title"] == "Kraanvogeloverleg Noord"


@pytest.mark.parametrize(
    "value",
    ["event'--", "event\x00", "<script>event</script>", "EVENT", "event" * 1000, "%00", "event;DROP TABLE x"],
)
def test_hostile_type_values_are_ignored(agenda, client, value):
    response = client.get("/zoeken/", {"q": "kraanvogeloverleg", "type": ["event", value], "page": "2"})
    assert response.status_code in (200, 400)
    api = client.get("/api/v2/search/", {"q": "kraanvogeloverleg", "type": value})
    assert api.status_code in (200, 400)
    if api.status_code == 200:
        assert api.json()["total"] == 1  # the unknown value is dropped: the page is found, not the items
