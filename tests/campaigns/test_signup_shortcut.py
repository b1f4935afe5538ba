"""A campaign and its sign-up form in one pass (issue 16, item 7): "Aanmeldformulier toevoegen" on the campaign
makes the form page as a draft child with starting questions and puts a sign-up block for it in the campaign's
draft; the campaign editor lists its forms. Only who may add pages under the campaign may use it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from campaigns.models import CampaignPage, SignupFormPage
from editors import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    def make(group: str):
        user = django_user_model.objects.create_user(f"lid-{group}".replace(" ", "-"), password="x" * 16)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def test_the_redactie_adds_a_form_to_a_campaign_in_one_pass(client, member, medical_campaign):
    client.force_login(member(roles.REDACTIE))
    url = reverse("campaigns_add_signup_form", args=[medical_campaign.pk])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[medical_campaign.pk])).content.decode()
    assert url in editor and "Aanmeldformulier toevoegen" in editor
    assert "Soort formulier" in client.get(url).content.decode()

    response = client.post(url, {"kind": "pledge", "title": "Doe de belofte"})
    signup = SignupFormPage.objects.child_of(medical_campaign).get(title="Doe de belofte")
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_pages:edit", args=[signup.pk])
    assert not signup.live and signup.kind == "pledge"
    assert [field.label for field in signup.form_fields.all()] == ["Naam", "Woonplaats"]
    draft = CampaignPage.objects.get(pk=medical_campaign.pk).get_latest_revision_as_object()
    blocks = [block for block in draft.body if block.block_type == "signup_form"]
    assert blocks[-1].value["form_page"].pk == signup.pk
    live = CampaignPage.objects.get(pk=medical_campaign.pk)
    assert signup.pk not in [block.value["form_page"].pk for block in live.body if block.block_type == "signup_form"]
    assert (
        "Doe de belofte" in client.get(reverse("wagtailadmin_pages:edit", args=[medical_campaign.pk])).content.decode()
    )


def test_a_title_is_needed_and_nothing_is_half_made(client, member, medical_campaign):
    client.force_login(member(roles.REDACTIE))
    before = SignupFormPage.objects.count()
    response = client.post(reverse("campaigns_add_signup_form", args=[medical_campaign.pk]), {"kind": "petition"})
    assert response.status_code == 200 and "title" in response.context["form"].errors
    assert SignupFormPage.objects.count() == before


@pytest.mark.parametrize("group", [roles.STAGIAIRS, roles.VRIJWILLIGERS, roles.VERTALERS])
def test_who_may_not_add_pages_there_cannot(client, member, medical_campaign, group):
    client.force_login(member(group))
    before = SignupFormPage.objects.count()
    response = client.post(
        reverse("campaigns_add_signup_form", args=[medical_campaign.pk]), {"kind": "petition", "title": "Stiekem"}
    )
    assert response.status_code in (302, 403)
    assert SignupFormPage.objects.count() == before


@pytest.mark.parametrize(
    "title",
    ["x" * 5000, "Teken\x00nu", "<script>alert(1)</script>", "   ", '=HYPERLINK("http://evil")', "\U0001f600" * 60],
)
@pytest.mark.parametrize("kind", ["petition", "nonsense", ""])
def test_hostile_input_gets_a_message_never_a_500_or_half_a_form(client, member, medical_campaign, title, kind):
    client.force_login(member(roles.REDACTIE))
    before = SignupFormPage.objects.count()
    url = reverse("campaigns_add_signup_form", args=[medical_campaign.pk])
    response = client.post(url, {"kind": kind, "title": title})
    assert response.status_code in (200, 302, 400)
    made = SignupFormPage.objects.count() - before
    if response.status_code == 302:
        assert made == 1 and "<script>alert(1)</script>" not in client.get(response["Location"]).content.decode()
    else:
        assert made == 0
