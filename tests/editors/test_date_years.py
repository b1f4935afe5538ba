"""A date in the admin lies in 1900-2100 (editors/forms.py `KnownYearsDateTimeField`): a typo such as 0001 or 9999
answered 500 when a page was saved (its revision in Dutch time, PostgreSQL's timestamps), and an all-day event on
31-12-9999 took the agenda's calendar feed down for every subscriber (events/ical.py)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from wagtail.admin.panels import get_edit_handler
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from events.models import AMSTERDAM, Event
from home.models import ContentPage
from news.models import NewsIndexPage, NewsPage
from tests.editors.conftest import PASSWORD, edit_url, news_form, page_form
from tests.factories.events import EventFactory
from tests.factories.pages import ContentPageFactory

OUT_OF_RANGE = ["0001-01-01 00:00", "9999-12-31 23:59", "1899-12-31 23:00", "2101-01-01 00:00"]


@pytest.mark.parametrize(
    ("model", "field"),
    [(ContentPage, "go_live_at"), (ContentPage, "expire_at"), (NewsPage, "publication_date"), (Event, "start")],
)
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_every_admin_date_time_field_refuses_years_outside_1900_2100(model, field, value):
    form_field = get_edit_handler(model).get_form_class().base_fields[field]
    assert isinstance(form_field.widget, AdminDateTimeInput)  # Wagtail's own date picker stays
    with pytest.raises(ValidationError) as refused:
        form_field.clean(value)
    assert "ligt niet tussen 1900 en 2100" in refused.value.messages[0]


def test_dates_in_range_and_date_fields():
    fields = get_edit_handler(ContentPage).get_form_class().base_fields
    assert fields["go_live_at"].clean("2100-12-31 23:59").year == 2100
    assert isinstance(fields["last_checked"].widget, AdminDateInput)
    assert fields["last_checked"].clean("1900-01-01") == datetime.date(1900, 1, 1)
    with pytest.raises(ValidationError):
        fields["last_checked"].clean("9999-12-31")


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["save", "publish"])
def test_a_page_scheduled_in_the_year_1_gets_a_message(login, home_page, action, django_capture_on_commit_callbacks):
    page = ContentPageFactory(parent=home_page, title="Datumpagina", slug="datumpagina", intro="Intro")
    page.save_revision().publish()
    data = page_form(page) | {"go_live_at": "0001-01-01 00:00"}
    if action == "publish":
        data["action-publish"] = "action-publish"
    with django_capture_on_commit_callbacks(execute=True):
        response = login("Redactie").post(edit_url(page), data)
    assert response.status_code == 200
    assert "ligt niet tussen 1900 en 2100" in response.content.decode()
    page.refresh_from_db()
    assert page.go_live_at is None


@pytest.mark.django_db
def test_a_news_item_dated_9999_gets_a_message(login, home_page, django_capture_on_commit_callbacks):
    index = NewsIndexPage.objects.child_of(home_page).get()
    page = NewsPage.objects.live().child_of(index).filter(locale__language_code="nl").first()
    before = page.publication_date
    data = news_form(page.title, slug=page.slug, publication_date="9999-12-31 23:59", **{"action-publish": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        response = login("Redactie").post(edit_url(page), data)
    assert response.status_code == 200
    assert "ligt niet tussen 1900 en 2100" in response.content.decode()
    assert NewsPage.objects.get(pk=page.pk).publication_date == before


@pytest.mark.django_db
def test_an_event_in_the_year_1_gets_a_message(login):
    data = {"title": "Datumtest", "start": "0001-01-01 00:00", "end": "", "language": "nl", "published": "on"}
    response = login("Vrijwilligers").post(reverse("wagtailsnippets_events_event:add"), data)
    assert response.status_code == 200
    assert "ligt niet tussen 1900 en 2100" in response.content.decode()
    assert not Event.objects.filter(title="Datumtest").exists()


# Wagtail's listing filters: on SQLite the first moment of 0001-01-01 in Dutch time does not exist in UTC, and five
# of these answered 500 (PostgreSQL answered 200). Each is a listing staff filter by date.
LISTING_DATE_FILTERS = [
    "/admin/reports/site-history/?timestamp_from={day}&timestamp_to={day}",
    "/admin/pages/{home}/history/?timestamp_from={day}&timestamp_to={day}",
    "/admin/pages/?latest_revision_created_at_from={day}",
    "/admin/reports/workflow/?created_at_from={day}&created_at_to={day}",
    "/admin/reports/workflow_tasks/?started_at_from={day}&started_at_to={day}",
    "/admin/forms/submissions/{form}/?date_from={day}&date_to={day}",
    "/admin/forms/submissions/{form}/?date_from={day}&date_to={day}&export=csv",
]


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("url", LISTING_DATE_FILTERS)
def test_a_listing_filtered_on_a_year_outside_1900_2100_says_so(client, django_user_model, home_page, url, day):
    from campaigns.models import SignupFormPage

    client.force_login(django_user_model.objects.create_superuser("beheer", "b@example.org", PASSWORD))
    form = SignupFormPage.objects.live().first()
    response = client.get(url.format(day=day, home=home_page.pk, form=form.pk))
    assert response.status_code == 200
    if "export" not in url:  # the download is the unfiltered list; the page says why
        assert "ligt niet tussen 1900 en 2100" in response.content.decode()


@pytest.mark.django_db
def test_an_event_stored_on_the_last_day_of_9999_is_left_out_of_the_calendar_feed():
    """Stored before the admin checked years (or by code): the feed leaves it out instead of answering 500."""
    EventFactory(title="Gewoon", start=datetime.datetime(2030, 5, 1, 19, 30, tzinfo=AMSTERDAM))
    EventFactory(title="Typfout", start=datetime.datetime(9999, 12, 31, 0, 0, tzinfo=AMSTERDAM), all_day=True)
    response = Client().get("/agenda/ical/")
    assert response.status_code == 200
    summaries = [str(item["SUMMARY"]) for item in Calendar.from_ical(response.content).walk("VEVENT")]
    assert "Gewoon" in summaries
    assert "Typfout" not in summaries
