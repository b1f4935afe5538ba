"""The public agenda: listing, filters, detail pages, JSON-LD, iCal, related events, bad input, query budgets."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from icalendar import Calendar

from events.listing import related_events
from events.models import AMSTERDAM, Event, EventIndexPage
from home.models import ContentPage, Theme
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def soon(days: int, hour: int = 19) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 30), tzinfo=AMSTERDAM)


@pytest.fixture
def agenda(home_page) -> EventIndexPage:
    return EventIndexPage.objects.child_of(home_page).get(slug="agenda")


def test_page_tree_rules(home_page, agenda):
    assert agenda.url_path.endswith("/agenda/")
    assert not EventIndexPage.can_create_at(home_page)  # one agenda per site
    assert not ContentPage.can_create_at(agenda)
    assert EventIndexPage.parent_page_types == ["home.HomePage"]


def test_agenda_lists_upcoming_published_events_soonest_first(client):
    later = EventFactory(title="Later overleg", start=soon(20))
    first = EventFactory(title="Eerst spreekuur", start=soon(1))
    EventFactory(title="Verborgen", start=soon(2), published=False)
    EventFactory(title="Voorbij", start=soon(-10))
    html = client.get("/agenda/").content.decode()
    assert "Eerst spreekuur" in html and "Later overleg" in html
    assert html.index("Eerst spreekuur") < html.index("Later overleg")
    assert "Verborgen" not in html and "Voorbij" not in html
    assert f'href="/agenda/{first.pk}-eerst-spreekuur/"' in html
    assert later.pk


def test_past_events_on_request(client):
    EventFactory(title="Voorbij debat", start=soon(-10))
    html = client.get("/agenda/?verleden=1").content.decode()
    assert "Voorbij debat" in html and "(afgelopen)" in html
    assert "Voorbij debat" in client.get("/agenda/?past=1").content.decode()


def test_filters_by_city_theme_and_month(client):
    theme = Theme.objects.get(slug="basisrechten", locale__language_code="nl")
    in_ede = EventFactory(title="Ede-avond", city="Ede", start=soon(3))
    themed = EventFactory(title="Thema-avond", city="Delft", start=soon(4))
    themed.themes.add(theme)
    month = soon(40)
    EventFactory(title="Maand-avond", city="Delft", start=month)
    html = client.get("/agenda/?plaats=ede").content.decode()
    assert "Ede-avond" in html and "Thema-avond" not in html
    html = client.get("/agenda/?thema=basisrechten").content.decode()
    assert "Thema-avond" in html and "Ede-avond" not in html
    html = client.get(f"/agenda/?maand={month:%Y-%m}").content.decode()
    assert "Maand-avond" in html
    assert in_ede.pk


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=-1",
        "?plaats=Atlantis",
        "?thema=bestaat-niet",
        "?maand=2027-13",
        "?maand=%00",
        "?plaats=%00%00",
        "?thema=" + "x" * 5000,
        "?verleden=%00",
    ],
)
def test_bad_input_gets_a_normal_page(client, query):
    response = client.get("/agenda/" + query)
    if "%00" in query:  # NUL answers 400 before any view (security/bad_input.py)
        assert response.status_code == 400
        return
    assert response.status_code == 200


def test_page_beyond_the_end_is_a_clean_404(client):
    response = client.get("/agenda/?page=9999")
    assert response.status_code == 404


def test_pagination(client):
    for n in range(15):
        EventFactory(title=f"Reeks {n:02d}", start=soon(1 + n))
    first = client.get("/agenda/").content.decode()
    second = client.get("/agenda/?page=2").content.decode()
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_detail_page_has_stable_url_json_ld_and_redirects_old_slugs(client):
    event = EventFactory(
        title="Training zorg & recht",
        start=soon(5),
        end=soon(5, hour=21),
        location="Wereldhuis",
        address="Kanaalstraat 243",
        city="Utrecht",
        organiser="Stichting LOS",
        description="Over <zorg> en recht",
        registration_url="https://example.org/aanmelden",
    )
    url = f"/agenda/{event.pk}-training-zorg-recht/"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Training zorg &amp; recht" in html and "Wereldhuis" in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event" and data["name"] == "Training zorg & recht"
    assert data["location"]["address"]["addressLocality"] == "Utrecht"
    assert data["startDate"] == event.start.astimezone(AMSTERDAM).isoformat()
    assert "<zorg>" not in match.group(1)  # escaped inside the script element
    assert data["url"].endswith(url)
    old = client.get(f"/agenda/{event.pk}-oude-titel/")
    assert old.status_code == 301 and old["Location"] == url
    assert client.get(f"/agenda/{event.pk}-x/ical/").status_code == 200


@pytest.mark.parametrize("path", ["/agenda/999999999-x/", "/agenda/0-a/", "/agenda/99999999999999999999-x/"])
def test_unknown_or_unpublished_events_are_404(client, path):
    assert client.get(path).status_code == 404


def test_unpublished_event_detail_is_404(client):
    event = EventFactory(published=False, start=soon(2))
    assert client.get(f"/agenda/{event.pk}-{event.slug}/").status_code == 404


def test_ical_for_one_event_parses_back():
    event = EventFactory(title="Debat", start=soon(3), end=soon(3, hour=22), city="Ede", location="Zaal 1")
    from django.test import Client

    response = Client().get(f"/agenda/{event.pk}-debat/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (item,) = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "Debat"
    assert item.decoded("DTSTART") == event.start
    assert item.decoded("DTEND") == event.end
    assert str(item["LOCATION"]) == "Zaal 1, Ede"
    assert str(item["UID"]).startswith(f"event-{event.pk}@")


def test_ical_holds_no_control_characters(client):
    """A title pasted from Word before the admin cleaned it (a vertical tab) and a bell from a CSV import: icalendar
    writes them as they are, and calendar programs refuse such a feed."""
    event = EventFactory(title="Vriesdebat\x0bavond", start=soon(3), city="Ede\x07", organiser="LOS\x1b")
    Event.objects.filter(pk=event.pk).update(description="Eerste regel\x0cTweede\x01")
    for path in (f"/agenda/{event.pk}-x/ical/", "/agenda/ical/"):
        content = client.get(path).content
        assert not set(content) & (set(range(32)) - {9, 10, 13}), path
        (item,) = [item for item in Calendar.from_ical(content).walk("VEVENT") if "Vriesdebat" in str(item["SUMMARY"])]
        assert str(item["SUMMARY"]) == "Vriesdebat avond"
        assert str(item["DESCRIPTION"]) == "Eerste regel Tweede"


def test_ical_feed_follows_the_filters_and_handles_all_day_events(client):
    all_day = EventFactory(title="Landelijke dag", start=soon(6, hour=0), all_day=True, city="Zwollerveen")
    all_day.start = all_day.start.replace(minute=0, hour=0)
    all_day.save()
    EventFactory(title="Elders", start=soon(7), city="Ede")
    EventFactory(title="Voorbij", start=soon(-7), city="Zwollerveen")
    response = client.get("/agenda/ical/?plaats=Zwollerveen")
    calendar = Calendar.from_ical(response.content)
    summaries = [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]
    assert summaries == ["Landelijke dag"]
    item = calendar.walk("VEVENT")[0]
    assert item.decoded("DTSTART") == all_day.local_start.date()
    assert item.decoded("DTEND") == all_day.local_start.date() + datetime.timedelta(days=1)
    assert "/agenda/ical/?plaats=Zwollerveen" in client.get("/agenda/?plaats=Zwollerveen").content.decode()


def test_related_events_function_and_template_tag(rf: RequestFactory):
    theme = Theme.objects.get(slug="controle-en-detentie", locale__language_code="nl")
    match = EventFactory(title="Detentie-overleg", start=soon(2))
    match.themes.add(theme)
    EventFactory(title="Iets anders", start=soon(2))
    past = EventFactory(title="Oud overleg", start=soon(-3))
    past.themes.add(theme)
    titles = [event.title for event in related_events(themes=[theme])]
    assert "Detentie-overleg" in titles and "Iets anders" not in titles and "Oud overleg" not in titles
    assert related_events(themes=[]) == []
    request = rf.get("/")
    html = Template("{% load events_tags %}{% related_events themes=themes limit=2 %}").render(
        Context({"themes": Theme.objects.filter(pk=theme.pk), "request": request})
    )
    assert "Detentie-overleg" in html and f"/agenda/{match.pk}-detentie-overleg/" in html
    empty = Template("{% load events_tags %}{% related_events city='Atlantis' %}").render(Context({"request": request}))
    assert empty.strip() == ""


@pytest.mark.parametrize("count", [3, 30])
def test_agenda_query_budget_does_not_grow(client, django_assert_max_num_queries, count):
    theme = Theme.objects.filter(locale__language_code="nl").first()
    for n in range(count):
        event = EventFactory(title=f"Budget {n}", start=soon(1 + n % 20))
        event.themes.add(theme)
    client.get("/agenda/")
    with django_assert_max_num_queries(30):
        assert client.get("/agenda/").status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get("/agenda/ical/").status_code == 200


def test_agenda_is_in_the_main_menu(client):
    html = client.get("/").content.decode()
    assert 'href="/agenda/"' in html


def test_events_are_plain_rows_with_the_contract_fields():
    names = {field.name for field in Event._meta.get_fields()}
    assert {"title", "start", "end", "location", "city", "external_id", "import_batch", "published"} <= names


def test_ical_survives_line_breaks_and_separators_in_every_text(client):
    """Issue 17 ("iCal"): an organiser with a line break made every iCal feed answer 500."""
    event = EventFactory(
        title="Debat\r\nover opvang",
        organiser="Stichting LOS\nen partners; Amsterdam, Utrecht",
        location="Zaal 1\nachterom",
        description="Eerste regel\nTweede regel",
        start=timezone.now() + datetime.timedelta(days=3),
    )
    for url in ("/agenda/ical/", f"/agenda/{event.pk}-debat/ical/"):
        response = client.get(url)
        assert response.status_code == 200, url
        item = next(c for c in Calendar.from_ical(response.content).walk("VEVENT") if "Debat" in str(c["SUMMARY"]))
        # Escaped as RFC 5545 text (an unknown property parses back as written).
        assert b"X-LOS-ORGANISER:Stichting LOS\\nen partners\\; Amsterdam\\, Utrecht" in response.content
        assert str(item["DESCRIPTION"]) == "Eerste regel\nTweede regel"
