"""Editors can open every new page type, snippet and setting in the admin (panels are valid)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from campaigns.models import (
    CampaignPage,
    HelpFinderPage,
    HelpLocation,
    MicrositePage,
    ProjectIndexPage,
    ProjectPage,
    SignupFormPage,
)
from editors.roles import MICROSITE_REDACTIE

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "wachtwoord-lang-genoeg")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("model", "parent_slug"),
    [
        (ProjectPage, "projecten"),
        (CampaignPage, "campagnes"),
        (SignupFormPage, "zorg-in-detentie"),
        (MicrositePage, "microsite-home"),
        (HelpFinderPage, "huiselijk-geweld"),
    ],
)
def test_add_page_forms_render(admin_client, microsite, model, parent_slug):
    if parent_slug == "microsite-home":
        parent = microsite.root_page
    else:
        parent = Page.objects.get(slug=parent_slug, locale__language_code="nl")
    url = f"/admin/pages/add/campaigns/{model._meta.model_name}/{parent.pk}/"
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("model", [ProjectIndexPage, ProjectPage, CampaignPage, SignupFormPage, MicrositePage])
def test_edit_forms_render(admin_client, model):
    page = model.objects.first()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_snippet_and_settings_render(admin_client, microsite):
    assert admin_client.get("/admin/snippets/campaigns/helplocation/").status_code == 200
    location = HelpLocation.objects.first()
    assert admin_client.get(f"/admin/snippets/campaigns/helplocation/edit/{location.pk}/").status_code == 200
    assert admin_client.get(f"/admin/settings/campaigns/siteappearance/{microsite.pk}/").status_code == 200


def test_the_help_addresses_say_which_language_each_is_in(client, django_user_model):
    """An address exists once per language, mostly under the same name: each row says its language, so the
    Microsite redactie opens the Dutch "Veilig Thuis" and not one of its translations (home/viewsets.py)."""
    user = django_user_model.objects.create_user("microsite", password="x" * 20)
    user.groups.add(Group.objects.get(name=MICROSITE_REDACTIE))
    client.force_login(user)
    html = client.get("/admin/snippets/campaigns/helplocation/?q=Veilig+Thuis").content.decode()
    rows = [row for row in re.findall(r"<tr\b.*?</tr>", html, re.DOTALL) if "Veilig Thuis" in row]
    languages = [re.findall(r"w-status--label[^>]*>\s*([^<]+?)\s*<", row) for row in rows]
    assert len(rows) == HelpLocation.objects.filter(name="Veilig Thuis").count() > 1
    assert ["Nederlands"] in languages and ["English"] in languages
