"""Who sees what in the Meldpunt's admin, the queue's filters, the short create form, case history and access log."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from editors.roles import ROLES
from meldpunt.models import AccessKind, ReportAccess, ReportChange, Status, Topic, Urgency

pytestmark = pytest.mark.django_db

GROUPS = [role.name for role in ROLES]
SECRET = "Bewaker sloeg hem in de isolatiecel"


def _urls(report):
    return [
        reverse("meldpunt_report:index"),
        reverse("meldpunt_report:add"),
        reverse("meldpunt_report:edit", args=[report.pk]),
        reverse("meldpunt_report:history", args=[report.pk]),
        reverse("meldpunt_reportaccess:index"),
        reverse("meldpunt_location:index"),
    ]


@pytest.mark.parametrize("group", [*GROUPS, "superuser"])
def test_only_the_meldpunt_group_and_superusers_open_reports(client, user_in, make_report, group):
    report = make_report(description=SECRET)
    client.force_login(user_in(group))
    for url in _urls(report):
        response = client.get(url, follow=True)
        text = response.content.decode()
        if group in ("Meldpunt", "superuser"):
            assert response.status_code == 200, url
        else:
            assert response.status_code == 403 or response.redirect_chain, url
            assert SECRET not in text and report.reference not in text, url


def test_the_dashboard_shows_counts_to_the_eindredactie_and_never_a_report(client, user_in, make_report):
    report = make_report(description=SECRET, urgency=Urgency.URGENT)
    client.force_login(user_in("Eindredactie"))
    text = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Meldpunt: aantallen" in text
    assert report.reference not in text and SECRET not in text
    client.force_login(user_in("Redactie"))
    text = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Meldpunt" not in text


def test_the_short_create_form_registers_a_report_with_a_reference(client, user_in, location):
    intern = user_in("Meldpunt")
    client.force_login(intern)
    topics = Topic.objects.filter(slug__in=["medical", "isolation"])
    response = client.post(
        reverse("meldpunt_report:add"),
        {
            "received_on": timezone.localdate().isoformat(),
            "channel": "phone",
            "location": location.pk,
            "topics": [topic.pk for topic in topics],
            "description": "Geen arts na vallen.",
            "urgency": "urgent",
        },
    )
    assert response.status_code == 302
    report = location.reports.get(description="Geen arts na vallen.")
    assert report.reference.startswith(f"MVD-{timezone.localdate().year}-")
    assert report.assigned_to == intern and set(report.topics.all()) == set(topics)
    assert list(report.changes.values_list("summary", flat=True)) == ["Geregistreerd"]
    listing = client.get(reverse("meldpunt_report:index")).content.decode()
    assert report.reference in listing


def test_editing_writes_the_case_history_without_the_text(client, user_in, make_report):
    report = make_report(contact="06-11112222")
    client.force_login(user_in("Meldpunt"))
    form = client.get(reverse("meldpunt_report:edit", args=[report.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "topics"}
    data.update(
        {
            "location": report.location_id,
            "topics": [t.pk for t in report.topics.all()],
            "description": "Nieuwe geheime tekst",
            "status": Status.REFERRED,
            "assigned_to": "",
            "follow_up_on": "",
            "closed_on": "",
            "outcome": "",
            "referrals-TOTAL_FORMS": "1",
            "referrals-INITIAL_FORMS": "0",
            "referrals-MIN_NUM_FORMS": "0",
            "referrals-MAX_NUM_FORMS": "1000",
            "referrals-0-referred_on": "2026-11-02",
            "referrals-0-referred_to": "Advocatenkantoor Prakken d'Oliveira",
            "referrals-0-note": "",
            "referrals-0-ORDER": "1",
            "referrals-0-DELETE": "",
            "referrals-0-id": "",
        }
    )
    response = client.post(reverse("meldpunt_report:edit", args=[report.pk]), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    report.refresh_from_db()
    assert report.status == Status.REFERRED and report.referrals.count() == 1
    summary = ReportChange.objects.filter(report=report).first().summary
    assert "Beschrijving" in summary and "Status" in summary and "Doorverwijzingen" in summary
    assert "geheime" not in summary
    history = client.get(reverse("meldpunt_report:edit", args=[report.pk])).content.decode()
    assert summary in history


def test_every_opening_of_a_report_is_in_the_access_log(client, user_in, make_report):
    report = make_report()
    user = user_in("Meldpunt")
    client.force_login(user)
    for _ in range(2):
        client.get(reverse("meldpunt_report:edit", args=[report.pk]))
    entries = ReportAccess.objects.filter(report=report)
    assert entries.count() == 2
    assert {(e.user, e.what, e.reference) for e in entries} == {(user, AccessKind.VIEWED, report.reference)}
    log = client.get(reverse("meldpunt_reportaccess:index")).content.decode()
    assert report.reference in log
    # Nobody rewrites the log, a superuser neither.
    client.force_login(user_in("superuser"))
    assert client.get(reverse("meldpunt_reportaccess:edit", args=[entries.first().pk])).status_code in (302, 403)


def test_filters_and_my_follow_ups_this_week(client, user_in, make_report):
    intern = user_in("Meldpunt")
    today = timezone.localdate()
    mine = make_report(assigned_to=intern, follow_up_on=today, urgency=Urgency.URGENT)
    later = make_report(assigned_to=intern, follow_up_on=today + datetime.timedelta(days=14))
    closed = make_report(status=Status.CLOSED, topics=["food"])
    client.force_login(intern)
    index = reverse("meldpunt_report:index")

    def shown(query: dict) -> set[str]:
        text = client.get(index, query).content.decode()
        return {r.reference for r in (mine, later, closed) if r.reference in text}

    assert shown({"mine_this_week": "on"}) == {mine.reference}
    assert shown({"status": "closed"}) == {closed.reference}
    assert shown({"urgency": "urgent"}) == {mine.reference}
    assert shown({"topics": Topic.objects.get(slug="food").pk}) == {closed.reference}
    assert shown({"q": mine.reference}) == {mine.reference}


@pytest.mark.parametrize(
    "query",
    [
        {"received_on_after": "2026-13-45"},
        {"received_on_before": "niet-een-datum"},
        {"location": "999999999"},
        {"topics": "abc"},
        {"status": "bestaat-niet"},
        {"mine_this_week": "'; DROP TABLE"},
    ],
)
def test_hostile_filter_values_never_500(client, user_in, make_report, query):
    make_report()
    client.force_login(user_in("Meldpunt"))
    assert client.get(reverse("meldpunt_report:index"), query).status_code == 200


def _create_data(place, changes: dict) -> dict:
    data = {
        "received_on": "2026-11-30",
        "channel": "phone",
        "location": place.pk,
        "topics": [Topic.objects.get(slug="food").pk],
        "description": "Vijandige invoer",
        "urgency": "normal",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "x" * 100_000}, "description"),
        ({"description": "met een \x00 NUL-teken"}, None),
        ({"received_on": "2026-02-31"}, "received_on"),
        ({"received_on": "31-31-31"}, "received_on"),
        ({"location": "999999999"}, "location"),
        ({"location": "1; DROP TABLE meldpunt_report"}, "location"),
        ({"topics": ["999999999"]}, "topics"),
        ({"channel": "fax"}, "channel"),
    ],
)
def test_hostile_input_is_refused_with_a_message_and_nothing_written(client, user_in, location, changes, field):
    client.force_login(user_in("Meldpunt"))
    before = ReportChange.objects.count()
    response = client.post(reverse("meldpunt_report:add"), _create_data(location, changes))
    assert response.status_code in (200, 400)  # the form again with its errors, or a 400 for NUL bytes
    if field:
        assert field in response.context["form"].errors
    assert not location.reports.filter(description__startswith="Vijandige").exists()
    assert ReportChange.objects.count() == before


def test_a_forged_report_id_is_a_404_not_a_500(client, user_in):
    client.force_login(user_in("Meldpunt"))
    assert client.get(reverse("meldpunt_report:edit", args=[2_147_483_647])).status_code == 404
    assert client.get("/admin/meldpunt/meldingen/edit/99999999999999999999/").status_code == 404


def test_a_closed_location_is_not_offered_for_new_reports(client, user_in):
    client.force_login(user_in("Meldpunt"))
    form = client.get(reverse("meldpunt_report:add")).context["form"]
    names = {location.name for location in form.fields["location"].queryset}
    assert "Detentiecentrum Rotterdam" in names and "Grenshospitium Schiphol" not in names
