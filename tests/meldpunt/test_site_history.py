"""Wagtail's "Site history" (and its CSV and XLSX) shows a report's log entries ("MVD-2026-0234 Melding Aangemaakt
<who> <when>") only to whoever holds a permission on reports: Wagtail admits every content type on which a user
holds any permission, so the Eindredactie's `meldpunt.view_counts` lives on a model of its own (MeldpuntCounts)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from editors.roles import EINDREDACTIE, MELDPUNT, ROLES
from meldpunt.models import MeldpuntCounts, Report, Topic

pytestmark = pytest.mark.django_db

# Models whose log entries, history or usage tell something about the register.
REGISTER_MODELS = ("report", "referral", "reportchange", "reportaccess", "detentionlocation", "meldpuntsettings")


@pytest.fixture
def logged_report(client, user_in, location) -> Report:
    """A report registered in the admin, so that Wagtail writes its log entry."""
    client.force_login(user_in(MELDPUNT))
    data = {
        "received_on": "2026-11-30",
        "channel": "phone",
        "location": location.pk,
        "topics": [Topic.objects.get(slug="food").pk],
        "description": "Een melding",
        "urgency": "urgent",
    }
    assert client.post(reverse("meldpunt_report:add"), data).status_code == 302
    client.logout()
    return Report.objects.get(description="Een melding")


@pytest.mark.parametrize("group", [*(role.name for role in ROLES), "superuser"])
def test_only_who_holds_report_permissions_reads_reports_in_the_site_history(client, user_in, logged_report, group):
    client.force_login(user_in(group) if group != MELDPUNT else Group.objects.get(name=MELDPUNT).user_set.first())
    may = group in (MELDPUNT, "superuser")
    for url, query in [
        (reverse("wagtailadmin_reports:site_history"), {}),
        (reverse("wagtailadmin_reports:site_history_results"), {}),
        (reverse("wagtailadmin_reports:site_history"), {"export": "csv"}),
    ]:
        response = client.get(url, query)
        if response.status_code != 200:
            assert response.status_code in (302, 403)  # no site history at all (the report needs the admin)
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert (logged_report.reference in body.decode()) is may, (group, url, query)


def test_no_group_but_the_meldpunt_holds_a_permission_on_the_register():
    """Any permission on a register model opens its log entries (Site history) to the holder: only the group
    Meldpunt holds one; the Eindredactie's counts are a permission of MeldpuntCounts."""
    register = ContentType.objects.filter(app_label="meldpunt", model__in=REGISTER_MODELS)
    holders = set(Group.objects.filter(permissions__content_type__in=register).values_list("name", flat=True))
    assert holders == {MELDPUNT}
    counts = Permission.objects.get(codename="view_counts", content_type__app_label="meldpunt")
    assert counts.content_type.model_class() is MeldpuntCounts
    assert Group.objects.get(name=EINDREDACTIE).permissions.filter(pk=counts.pk).exists()


def test_the_migration_keeps_every_grant_of_the_counts(django_user_model):
    """Databases from before: whoever held the counts on Report (a group of roles.py, a group an administrator
    made, a single user) holds them on MeldpuntCounts, and the old permission is gone."""
    migration = importlib.import_module("meldpunt.migrations.0010_counts_permission_apart")
    old = Permission.objects.create(
        content_type=ContentType.objects.get_for_model(Report), codename="view_counts", name="Tellingen"
    )
    own_group = Group.objects.create(name="Jaarverslag")
    own_group.permissions.add(old)
    user = django_user_model.objects.create_user("mp-jaarverslag", password="x" * 16)
    user.user_permissions.add(old)
    eindredactie = Group.objects.get(name=EINDREDACTIE)
    eindredactie.permissions.set([*eindredactie.permissions.exclude(codename="view_counts"), old])
    migration.forwards(apps, None)
    assert not Permission.objects.filter(pk=old.pk).exists()
    new = Permission.objects.get(codename="view_counts", content_type__app_label="meldpunt")
    for holder in (own_group, eindredactie):
        assert list(holder.permissions.filter(codename="view_counts")) == [new]
    assert list(user.user_permissions.all()) == [new]
    assert django_user_model.objects.get(pk=user.pk).has_perm("meldpunt.view_counts")
