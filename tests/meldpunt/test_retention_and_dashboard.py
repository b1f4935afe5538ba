"""Retention removes contact details and descriptions and keeps the counts; the dashboard reminds of urgent reports
left alone for two days."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meldpunt.dashboard import urgent_untouched
from meldpunt.models import Referral, Report, Status, Urgency
from meldpunt.retention import apply_retention, upcoming

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


def test_contact_of_open_reports_goes_after_the_set_days(make_report):
    old = make_report(received_on=TODAY - datetime.timedelta(days=91), contact="06-12341234")
    recent = make_report(received_on=TODAY - datetime.timedelta(days=10), contact="06-43214321")
    result = apply_retention(today=TODAY)
    assert result.contacts_removed >= 1  # the demo register has some too
    old.refresh_from_db(), recent.refresh_from_db()
    assert old.contact == "" and old.description  # the description stays while the case is open
    assert recent.contact == "06-43214321"


def test_description_goes_two_years_after_closing_and_the_counts_stay(make_report):
    closed_long_ago = make_report(status=Status.CLOSED, closed_on=datetime.date(2024, 11, 1), topics=["isolation"])
    closed_recently = make_report(status=Status.CLOSED, closed_on=datetime.date(2025, 6, 1))
    before = Report.objects.filter(topics__slug="isolation").count()
    call_command("meldpunt_retention", verbosity=0)  # the daily command (today's date: after 2026-11-01)
    closed_long_ago.refresh_from_db(), closed_recently.refresh_from_db()
    assert closed_long_ago.description == "" and closed_long_ago.redacted_on is not None
    assert closed_recently.description != ""
    assert Report.objects.filter(topics__slug="isolation").count() == before
    assert closed_long_ago.changes.filter(summary__contains="bewaartermijn").exists()


def test_a_dry_run_changes_nothing(make_report):
    report = make_report(status=Status.CLOSED, closed_on=datetime.date(2020, 1, 1))
    assert apply_retention(today=TODAY, dry_run=True).redacted >= 1
    report.refresh_from_db()
    assert report.description


def test_the_admin_lists_what_goes_next(client, user_in, make_report):
    report = make_report(status=Status.CLOSED, closed_on=datetime.date(2026, 1, 31))
    rows = upcoming(today=TODAY, limit=1000)
    assert (report.pk, datetime.date(2028, 1, 28), "description") in [(r.pk, day, what) for r, day, what in rows]
    client.force_login(user_in("Meldpunt"))
    first = upcoming(limit=1)[0][0]
    assert first.reference in client.get(reverse("wagtailadmin_home")).content.decode()


def test_reminder_for_an_urgent_report_untouched_for_two_days(client, user_in, make_report):
    left_alone = make_report(urgency=Urgency.URGENT)
    touched = make_report(urgency=Urgency.URGENT)
    normal = make_report(urgency=Urgency.NORMAL)
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    Report.objects.filter(pk=normal.pk).update(updated_at=three_days_ago)
    # Longer than any demo report, so it is first in the panel (the oldest first).
    Report.objects.filter(pk=left_alone.pk).update(updated_at=timezone.now() - datetime.timedelta(days=800))
    reminded = set(urgent_untouched())
    assert left_alone in reminded and touched not in reminded and normal not in reminded
    client.force_login(user_in("Meldpunt"))
    text = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = text.split("Urgent en twee dagen niets gebeurd", 1)[1].split("Mijn opvolgingen", 1)[0]
    assert left_alone.reference in panel
    assert touched.reference not in panel and normal.reference not in panel


def test_the_notes_of_referrals_go_with_the_description(make_report):
    report = make_report(status=Status.CLOSED, closed_on=datetime.date(2020, 1, 1), description="Geheim verhaal")
    referral = Referral.objects.create(
        report=report, referred_to="Advocatenkantoor Noord", note="Broer Ahmed belt terug op 0612345678"
    )
    open_report = make_report()
    kept = Referral.objects.create(report=open_report, referred_to="Advocatenkantoor Zuid", note="Belt vrijdag")
    apply_retention(today=TODAY)
    referral.refresh_from_db(), kept.refresh_from_db()
    # The organisation stays, like the location; the free text goes in the same run as the description.
    assert (referral.referred_to, referral.note) == ("Advocatenkantoor Noord", "")
    assert kept.note == "Belt vrijdag"
