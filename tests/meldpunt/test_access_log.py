"""The access log is evidence: deleting the reader's account keeps who read a report (the user name written with
each entry), and the log offers no download (nothing about reports leaves the admin as a file)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from meldpunt.models import ReportAccess

pytestmark = pytest.mark.django_db


def test_deleting_the_readers_account_keeps_who_read(client, user_in, make_report):
    report = make_report()
    reader = user_in("Meldpunt")
    client.force_login(reader)
    client.get(reverse("meldpunt_report:edit", args=[report.pk]))
    client.force_login(user_in("superuser"))
    assert client.post(reverse("wagtailusers_users:delete", args=[reader.pk])).status_code == 302
    entry = ReportAccess.objects.get(report=report)
    assert (entry.user, entry.username) == (None, "mp-Meldpunt")
    log = client.get(reverse("meldpunt_reportaccess:index")).content.decode()
    assert "mp-Meldpunt" in log
    assert report.reference in client.get(reverse("meldpunt_reportaccess:index"), {"q": "mp-Meldpunt"}).content.decode()


def test_the_migration_fills_in_the_names_of_existing_entries(user_in, make_report):
    report = make_report()
    reader = user_in("Meldpunt")
    entry = ReportAccess.objects.create(report=report, reference=report.reference, user=reader)
    ReportAccess.objects.filter(pk=entry.pk).update(username="")  # as an entry from before the field
    importlib.import_module("meldpunt.migrations.0011_access_log_keeps_username").backfill(apps, None)
    entry.refresh_from_db()
    assert entry.username == "mp-Meldpunt"


def test_deleting_an_authors_account_keeps_who_changed_a_report(client, user_in, make_report):
    """The case history lost its author with the account too (ReportChange.user is SET_NULL)."""
    from meldpunt.history import record_change
    from meldpunt.models import ReportChange

    report = make_report()
    author = user_in("Meldpunt")
    record_change(report, author, "Status gewijzigd")
    change = ReportChange.objects.create(report=report, user=author, summary="Ouder")
    ReportChange.objects.filter(pk=change.pk).update(username="")  # as an entry from before the field
    importlib.import_module("meldpunt.migrations.0012_case_history_keeps_username").backfill(apps, None)
    author.delete()
    assert set(ReportChange.objects.filter(report=report).values_list("user", "username")) == {(None, "mp-Meldpunt")}
    client.force_login(user_in("superuser"))
    page = client.get(reverse("meldpunt_report:edit", args=[report.pk])).content.decode()
    assert "mp-Meldpunt: Status gewijzigd" in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_list_of_the_meldpunt_downloads(client, user_in, make_report, fmt):
    from meldpunt.viewsets import MeldpuntViewSetGroup

    report = make_report()
    client.force_login(user_in("Meldpunt"))
    client.get(reverse("meldpunt_report:edit", args=[report.pk]))  # an access log entry to list
    for viewset in MeldpuntViewSetGroup.items:
        response = client.get(reverse(f"{viewset.name}:index"), {"export": fmt})
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html"), viewset.name
        assert "Content-Disposition" not in response, viewset.name


def test_the_contact_field_keeps_no_control_characters(client, user_in, make_report, post_edit):
    report = make_report(contact="06")
    client.force_login(user_in("Meldpunt"))
    assert post_edit(report, contact="06\x0b123\x1b[31m").status_code == 302
    report.refresh_from_db()
    assert report.contact == "06 123[31m"


def test_the_log_says_when_to_the_minute(client, user_in, make_report):
    """Evidence needs the moment, also on a phone (no tooltip): "2-3-2026 11:05" in Dutch time, not "3 maanden
    geleden"."""
    import datetime

    report = make_report()
    reader = user_in("Meldpunt")
    at = datetime.datetime(2026, 3, 2, 10, 5, tzinfo=datetime.UTC)
    ReportAccess.objects.create(report=report, reference=report.reference, user=reader, at=at)
    client.force_login(reader)
    log = client.get(reverse("meldpunt_reportaccess:index")).content.decode()
    assert "2-3-2026 11:05" in log


def test_the_log_is_called_inzagelog_and_counts_inzagen(client, user_in, make_report):
    """The menu and the page title name the log; its entries are "inzagen" wherever Wagtail counts them (the
    screen read "3 inzagelog")."""
    reader = user_in("Meldpunt")
    client.force_login(reader)
    for report in (make_report(), make_report(), make_report()):
        client.get(reverse("meldpunt_report:edit", args=[report.pk]))
    log = " ".join(client.get(reverse("meldpunt_reportaccess:index")).content.decode().split())
    assert "<title>Inzagelog - LOS beheer </title>" in log
    assert '<div class="pagination__end"> 3 inzagen </div>' in log
