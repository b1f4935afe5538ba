"""Issue 24 item 3: one definition of "happening now or later". The agenda, related items (the events app's own
and a campaign's), the upcoming-only export and the past view agree about events that are running now: an
all-day event today and a festival that started days ago and runs all week."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.related import related_queryset
from events.listing import related_events
from events.models import AMSTERDAM, Event
from home.models import Theme
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(db):
    theme = Theme.objects.filter(locale__language_code="nl").first()
    today = timezone.localdate()
    midnight = datetime.datetime.combine(today, datetime.time(), tzinfo=AMSTERDAM)
    all_day = EventFactory(title="Dag van de opvang", start=midnight, all_day=True, end=None)
    festival = EventFactory(
        title="Festivalweek",
        start=midnight - datetime.timedelta(days=2) + datetime.timedelta(hours=10),
        end=midnight + datetime.timedelta(days=3, hours=22),
    )
    over = EventFactory(
        title="Afgelopen overleg",
        start=midnight - datetime.timedelta(days=2, hours=-19),
        end=midnight - datetime.timedelta(days=2, hours=-21),
    )
    for event in (all_day, festival, over):
        event.themes.add(theme)
    return theme, {all_day.title, festival.title}, over.title


def test_every_listing_agrees_on_running_events(client, admin_client, running):
    theme, now_on, over = running
    agenda = client.get("/agenda/").content.decode()
    past = client.get("/agenda/?verleden=1").content.decode()
    related = {event.title for event in related_events(themes=[theme], limit=50)}
    campaign_related = {event.title for event in related_queryset(Event, _page_with_themes([theme]))}
    export = admin_client.get(reverse("events_admin:export") + "?format=csv&upcoming=1").content.decode()
    for title in now_on:
        assert title in agenda and title in related and title in campaign_related and title in export, title
        assert title not in past, title
    assert over in past
    assert over not in agenda and over not in related and over not in campaign_related and over not in export


def test_upcoming_and_past_split_the_agenda_without_overlap(running):
    published = Event.objects.published()
    assert not set(published.upcoming()) & set(published.past())
    assert published.upcoming().count() + published.past().count() == published.count()


def _page_with_themes(themes):
    """A stand-in for a campaign page: related_queryset only reads its themes."""

    class Page:
        pk = None
        locale_id = None

        class _Themes:
            @staticmethod
            def all():
                return themes

        themes = _Themes()

    return Page()
