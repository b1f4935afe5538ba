"""The Eindredactie approves organisations' sign-ons (admin: Ondertekeningen): the list is in Dutch, and an approved
organisation is on the campaign's public list for the next visitor, in every language of the call."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils.html import strip_tags
from wagtail.models import Locale

from campaigns.models import SignupFormPage, SignupSubmission
from editors.roles import EINDREDACTIE
from multilingual.translation import translate

pytestmark = pytest.mark.django_db
CAMPAIGN = "/campagnes/geen-strafbaarstelling/"


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("eindredacteur", password="x" * 16)
    user.groups.add(Group.objects.get(name=EINDREDACTIE))
    client.force_login(user)
    return client


def visit(path: str) -> str:
    """An anonymous visitor (a new client, no cookie), who may be served from the page cache."""
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_of_sign_ons_is_dutch(moderator, sign_on):
    SignupSubmission.objects.create(page=sign_on, organisation="Te Keuren", form_data={})
    response = moderator.get("/admin/sign_ons/")
    assert response.context["page_title"] == "Ondertekeningen"  # as in the menu, not "Aanmeldingen"
    table = response.context["table"]
    assert [str(column.label) for column in table.columns.values()] == [
        "Organisatie",
        "Formulier",  # Wagtail's "Page"
        "Inzendtijd",
        "Goedgekeurd",
    ]
    words = strip_tags(response.content.decode()).split()
    assert "nee" in words and "ja" in words  # not Python's True and False
    assert not {"True", "False", "Page"} & set(words)


def test_an_approval_reaches_the_next_visitor_of_a_cached_campaign(moderator, sign_on, settings):
    settings.PAGE_CACHE_SECONDS = 300
    pending = SignupSubmission.objects.create(page=sign_on, organisation="Stichting Te Keuren", form_data={})
    visit(CAMPAIGN)
    assert "Stichting Te Keuren" not in visit(CAMPAIGN)  # now from the cache
    response = moderator.post(f"/admin/sign_ons/edit/{pending.pk}/", {"approved": "on"})
    assert response.status_code == 302
    assert "Stichting Te Keuren" in visit(CAMPAIGN)
    # Withdrawn again, or deleted: gone for the next visitor too.
    moderator.post(f"/admin/sign_ons/edit/{pending.pk}/", {})
    assert "Stichting Te Keuren" not in visit(CAMPAIGN)
    moderator.post(f"/admin/sign_ons/edit/{pending.pk}/", {"approved": "on"})
    assert "Stichting Te Keuren" in visit(CAMPAIGN)
    moderator.post(f"/admin/sign_ons/delete/{pending.pk}/")
    assert not SignupSubmission.objects.filter(pk=pending.pk).exists()
    assert "Stichting Te Keuren" not in visit(CAMPAIGN)


def test_organisations_that_signed_in_any_language_are_listed_in_every_language(sign_on):
    english_locale = Locale.objects.get(language_code="en")
    for ancestor in sign_on.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(english_locale) is None:
            translate(ancestor, "en", {})
    english = SignupFormPage.objects.get(pk=translate(sign_on, "en", {}).pk)
    SignupSubmission.objects.create(page=english, organisation="Refugee Aid Utrecht", approved=True, form_data={})
    SignupSubmission.objects.create(page=english, organisation="Not Yet Checked", form_data={})
    for page in (sign_on, english):
        names = page.approved_organisations()
        assert "Refugee Aid Utrecht" in names and "Diaconie Utrecht-Oost" in names
        assert "Not Yet Checked" not in names
