"""The queue as staff use it: a filter that is off shows no chip, days are dates, the full list of what retention
removes next (the dashboard shows ten), and no download of reports (so the access log has no "exported" kind)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meldpunt.models import AccessKind, Status
from meldpunt.retention import upcoming

pytestmark = pytest.mark.django_db


def _chips(response) -> list[tuple[str, str]]:
    return [(str(chip.field_label), str(chip.value)) for chip in response.context["view"].active_filters]


def test_a_filter_that_is_off_shows_no_chip_and_on_says_ja(client, user_in, make_report):
    intern = user_in("Meldpunt")
    mine = make_report(assigned_to=intern, follow_up_on=timezone.localdate())
    client.force_login(intern)
    index = reverse("meldpunt_report:index")
    off = client.get(index)
    assert _chips(off) == [] and "False" not in off.content.decode()
    assert _chips(client.get(index + "?urgency=urgent")) == [("Urgentie", "urgent")]
    on = client.get(index + "?mine_this_week=on")
    assert _chips(on) == [("Mijn opvolgingen deze week", "ja")]
    assert [report.pk for report in on.context["object_list"]] == [mine.pk]


def test_the_queue_shows_the_day_received_as_a_date(client, user_in, make_report):
    report = make_report(received_on=datetime.date(2026, 3, 2), follow_up_on=datetime.date(2026, 3, 9))
    client.force_login(user_in("Meldpunt"))
    html = client.get(reverse("meldpunt_report:index") + f"?q={report.reference}").content.decode()
    assert "2-3-2026" in html and "9-3-2026" in html
    assert "geleden" not in html and " ago" not in html


def test_the_full_list_of_what_retention_removes_next(client, user_in, make_report):
    for day in range(12):
        make_report(status=Status.CLOSED, closed_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
    everything = upcoming(limit=None)
    assert len(everything) > 10  # more than the dashboard shows
    client.force_login(user_in("Meldpunt"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    url = reverse("meldpunt_report:upcoming_removals")
    assert url in dashboard
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    shown = everything[:100]
    assert all(report.reference in html for report, _day, _what in shown)
    assert all(report.description not in html for report, _day, _what in shown if report.description)
    client.force_login(user_in("Eindredactie"))
    assert client.get(url).status_code in (302, 403)


def test_nothing_downloads_reports_so_the_log_has_no_exported_kind(client, user_in, make_report):
    report = make_report()
    client.force_login(user_in("Meldpunt"))
    response = client.get(reverse("meldpunt_report:index") + "?export=csv")
    assert response["Content-Type"].startswith("text/html") and report.reference in response.content.decode()
    assert set(AccessKind.values) == {"viewed", "contact_viewed"}
