"""The case history says what a save changed, and only that: the form is posted as the browser posts it (every
field the edit page renders, nothing added), so fields with a default of "today" (the date received, a referral's
date) count as changed only when someone changed them. Closing deletes the contact details and says so."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from meldpunt.models import Outcome, Referral, ReportChange, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def save_in_browser(client, user_in):
    """Open the report's edit page and submit its form as a browser does, with `changes` (field name -> value)."""
    client.force_login(user_in("Meldpunt"))

    def save(report, **changes):
        url = reverse("meldpunt_report:edit", args=[report.pk])
        page = lxml.html.fromstring(client.get(url).content.decode())
        [form] = [form for form in page.forms if form.get("method", "").lower() == "post" and "status" in form.fields]
        data: dict[str, list[str]] = {}
        for name, value in form.form_values():
            data.setdefault(name, []).append(value)
        data.update({name: [value] for name, value in changes.items()})
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        return [change.summary for change in ReportChange.objects.filter(report=report)]

    return save


def test_the_history_names_only_what_was_changed(make_report, save_in_browser):
    report = make_report(contact="Terugbellen na 14 uur.")
    Referral.objects.create(report=report, referred_to="Juridisch Loket")

    assert save_in_browser(report, status=Status.REFERRED) == ["Gewijzigd: Status"]
    assert save_in_browser(report) == ["Gewijzigd: Status"]  # saved unchanged: nothing to write
    summaries = save_in_browser(report, **{"referrals-0-note": "Belt zelf terug."})
    assert summaries[0] == "Gewijzigd: Doorverwijzingen"


def test_closing_deletes_the_contact_details_and_says_so(make_report, save_in_browser):
    report = make_report(contact="Terugbellen na 14 uur.")
    summaries = save_in_browser(report, status=Status.CLOSED, outcome=Outcome.RESOLVED)
    report.refresh_from_db()
    assert report.contact == "" and report.closed_on is not None
    assert summaries[:2] == ["Contactgegevens verwijderd (afgesloten)", "Gewijzigd: Status, Uitkomst"]
    # A report without contact details closes without that line.
    quiet = make_report(status=Status.ANSWERED)
    assert save_in_browser(quiet, status=Status.CLOSED) == ["Gewijzigd: Status"]
