"""The user form's Roles tab explains every group (issue 16); only superusers manage accounts."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from editors.roles import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/users/new/", "edit"])
def test_every_group_is_explained_on_the_roles_tab(admin_client, admin_user, url):
    if url == "edit":
        url = f"/admin/users/edit/{admin_user.pk}/"
    html = admin_client.get(url).content.decode()
    for role in ROLES:
        assert f"<strong>{role.name}</strong>: {escape(role.purpose)}" in html


@pytest.mark.parametrize("group", [role.name for role in ROLES])
def test_no_group_manages_accounts(login, group):
    assert login(group).get("/admin/users/new/").status_code in {302, 403}
