"""Dates typed by mistake: the report form refuses a day in the future, before 1900 or a closing before the day
received; rows stored before it did take neither the dashboard, the list of upcoming removals, retention nor the
public figures down, and retention still removes their text."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meldpunt.models import Report, Status
from meldpunt.retention import apply_retention, shift_months, upcoming
from meldpunt.statistics import public_counts

pytestmark = pytest.mark.django_db

TOMORROW = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"status": Status.CLOSED, "closed_on": "9999-12-31"}, "closed_on", "ligt niet tussen 1900 en"),
        ({"status": Status.CLOSED, "closed_on": "2062-01-01"}, "closed_on", "in de toekomst"),
        ({"status": Status.CLOSED, "closed_on": TOMORROW}, "closed_on", "leeg: dan wordt het vandaag"),
        ({"status": Status.CLOSED, "closed_on": "1900-01-01"}, "closed_on", "vóór de datum van ontvangst"),
        ({"received_on": "9999-12-31"}, "received_on", "ligt niet tussen 1900 en"),
        ({"received_on": TOMORROW}, "received_on", "in de toekomst"),
        ({"received_on": "0001-01-01"}, "received_on", "ligt niet tussen 1900 en"),
        ({"received_on": "1899-12-31"}, "received_on", "Controleer het jaar"),
    ],
)
def test_the_form_refuses_impossible_dates_and_says_what_to_do(
    client, user_in, make_report, post_edit, changes, field, message
):
    report = make_report(received_on=datetime.date(2026, 3, 2), contact="06-12345678")
    client.force_login(user_in("Meldpunt"))
    response = post_edit(report, **changes)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    stored = Report.objects.get(pk=report.pk)
    assert (stored.received_on, stored.status, stored.contact) == (
        datetime.date(2026, 3, 2),
        "registered",
        "06-12345678",
    )


def test_the_form_still_takes_true_dates(client, user_in, make_report, post_edit):
    report = make_report(received_on=datetime.date(2026, 3, 2))
    client.force_login(user_in("Meldpunt"))
    today = timezone.localdate().isoformat()
    assert post_edit(report, received_on="2026-03-01", status=Status.CLOSED, closed_on=today).status_code == 302
    report.refresh_from_db()
    assert report.closed_on == timezone.localdate()


def _stored(report: Report, **dates) -> Report:
    """Dates as an older form stored them, without the form's checks (update(): no save() side effects)."""
    Report.objects.filter(pk=report.pk).update(**dates)
    report.refresh_from_db()
    return report


def test_shift_months_stops_at_the_calendars_ends():
    assert shift_months(datetime.date(9999, 12, 31), 24) == datetime.date.max
    assert shift_months(datetime.date(1, 1, 1), -1) == datetime.date.min


@pytest.mark.parametrize(
    "dates",
    [
        {"status": Status.CLOSED, "closed_on": datetime.date(9999, 12, 31)},
        {"received_on": datetime.date(9999, 12, 31), "contact": "06-1"},
        {"received_on": datetime.date(1, 1, 1), "contact": "06-1"},
    ],
)
def test_stored_typos_take_no_admin_page_down(client, user_in, make_report, dates):
    # A small register: the dashboard's ten upcoming removals include the typo.
    Report.objects.all().delete()
    make_report(status=Status.CLOSED, closed_on=datetime.date(2025, 1, 1))
    report = make_report(contact="06-1")
    _stored(report, **dates)
    client.force_login(user_in("Meldpunt"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("meldpunt_report:upcoming_removals")).status_code == 200
    assert report.pk in [row.report.pk for row in upcoming(limit=10)]
    apply_retention()


def test_retention_counts_a_future_closing_date_from_the_last_save(make_report):
    report = make_report(status=Status.CLOSED)
    saved = timezone.now() - datetime.timedelta(days=800)
    _stored(report, closed_on=datetime.date(2062, 1, 1), updated_at=saved)
    removal = next(row for row in upcoming(limit=None) if row.report.pk == report.pk)
    assert removal.on == shift_months(timezone.localdate(saved), 24)
    apply_retention()
    report.refresh_from_db()
    assert report.description == "" and report.redacted_on == timezone.localdate()


def test_retention_counts_a_future_received_date_from_the_registration(make_report):
    report = make_report(contact="06-12345678")
    registered = timezone.now() - datetime.timedelta(days=91)
    _stored(report, received_on=datetime.date(9999, 12, 31), created_at=registered, updated_at=registered)
    apply_retention()
    report.refresh_from_db()
    assert report.contact == "" and report.description


def test_the_public_figures_ignore_a_report_received_in_year_one(client, make_report):
    _stored(make_report(), received_on=datetime.date(1, 1, 1))
    figures = public_counts()
    assert figures.years and figures.years[0].year >= 1900
    assert client.get("/meldpunt/cijfers/").status_code == 200
