"""The search-terms report shows what visitors typed (names, phone numbers): the view itself checks who may see it
(issue 17). One case per group of editors/roles.py, plus anonymous and a user without a group."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from editors.roles import ROLES, SEARCH_TERMS
from search import stats

REPORT = "/admin/reports/search-terms/"
# Who may read the search terms: those who act on them with promoted results.
ALLOWED = {"Redactie", "Eindredactie"}


@pytest.fixture
def member(client, django_user_model):
    def login(group: str | None):
        user = django_user_model.objects.create_user(f"lid-{(group or 'geen').replace(' ', '-')}", password="x" * 20)
        if group:
            user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return client

    return login


def test_the_table_of_who_may_see_matches_the_roles():
    assert {role.name for role in ROLES if SEARCH_TERMS in role.permissions} == ALLOWED


@pytest.mark.parametrize("group", [role.name for role in ROLES])
def test_search_terms_report_per_group(member, group):
    cache.add(stats.LOCK_KEY, 1, 300)
    stats.record_query("jan jansen 0612345678", language="nl", found=0)
    stats.flush()
    response = member(group).get(REPORT)
    if group in ALLOWED:
        assert response.status_code == 200
        assert "0612345678" in response.content.decode()
    else:
        # Regression (issue 17): Vrijwilligers and Stagiairs read this report before the view checked a permission.
        # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
        assert response.status_code == 302 and response.url == "/admin/"
        assert b"0612345678" not in response.content


def test_search_terms_report_refuses_a_user_without_group(member):
    assert member(None).get(REPORT).status_code in (302, 403)


def test_menu_item_and_dashboard_panel_follow_the_same_permission(member):
    html = member("Vrijwilligers").get("/admin/").content.decode()
    assert REPORT not in html and "los_zero_result_searches" not in html
    html = member("Redactie").get("/admin/").content.decode()
    assert REPORT in html
