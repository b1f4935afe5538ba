"""A campaign and its sign-up form in one pass (issue 16, item 7): "Aanmeldformulier toevoegen" on the campaign
makes the form page as a draft child with starting questions and puts a sign-up block for it in the campaign's
draft; the campaign editor lists its forms. Only who may add pages under the campaign may use it.

The hostile-input tests run on SQLite and on PostgreSQL (DATABASE_URL=postgres://.../los_<branch>): PostgreSQL
refuses a NUL byte and an id beyond its integer column with an error where SQLite shrugs."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, CampaignPage, SignupFormPage
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


def signup_blocks(campaign: CampaignPage) -> list[int]:
    draft = CampaignPage.objects.get(pk=campaign.pk).get_latest_revision_as_object()
    return [block.value["form_page"].pk for block in draft.body if block.block_type == "signup_form"]


@pytest.mark.parametrize("campaign_id", ["0", "999999", str(2**31 - 1), str(2**31), "9" * 30])
def test_forged_campaign_ids_are_a_plain_404(client, member, campaign_id):
    client.force_login(member(roles.REDACTIE))
    before = SignupFormPage.objects.count()
    path = reverse("campaigns_add_signup_form", args=[1]).replace("/1/", f"/{campaign_id}/")
    for response in (client.get(path), client.post(path, {"kind": "petition", "title": "Vals"})):
        assert response.status_code == 404
    assert SignupFormPage.objects.count() == before


def test_a_page_that_is_no_campaign_is_a_404(client, member, home_page, petition):
    client.force_login(member(roles.REDACTIE))
    for page in (home_page, petition, Page.objects.get(depth=1)):
        response = client.post(reverse("campaigns_add_signup_form", args=[page.pk]), {"kind": "petition", "title": "X"})
        assert response.status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "petition\x00", "title": "Teken"},
        {"kind": "petition", "title": "\x00"},
        {"kind": "petition", "title": "Teken", "csrfmiddlewaretoken": "\x00"},
        {"kind": ["petition", "pledge"], "title": ["Een", "Twee"]},
        {"kind": "petition", "title": "Teken", "campaign_id": "1", "parent": "1"},  # forged fields are ignored
    ],
)
def test_nul_bytes_and_forged_fields_on_the_database(client, member, medical_campaign, data):
    client.force_login(member(roles.REDACTIE))
    before, blocks = SignupFormPage.objects.count(), signup_blocks(medical_campaign)
    response = client.post(reverse("campaigns_add_signup_form", args=[medical_campaign.pk]), data)
    assert response.status_code in (200, 302)
    made = SignupFormPage.objects.count() - before
    if response.status_code == 200:
        assert made == 0 and signup_blocks(medical_campaign) == blocks
        assert response.context["form"].errors  # a message on the form, in Dutch
    else:
        new = SignupFormPage.objects.order_by("-pk").first()
        assert made == 1 and new.get_parent().pk == medical_campaign.pk and "\x00" not in new.title + new.slug
        assert signup_blocks(medical_campaign) == [*blocks, new.pk]


def test_a_campaign_that_has_a_form_gets_a_second_one_beside_it(client, member, medical_campaign):
    client.force_login(member(roles.REDACTIE))
    existing = SignupFormPage.objects.child_of(medical_campaign).first()
    assert existing is not None  # the demo campaign already has its form
    url = reverse("campaigns_add_signup_form", args=[medical_campaign.pk])
    first = client.post(url, {"kind": "petition", "title": existing.title})
    second = client.post(url, {"kind": "petition", "title": existing.title})
    assert first.status_code == second.status_code == 302
    forms = SignupFormPage.objects.child_of(medical_campaign).filter(title=existing.title)
    assert forms.count() == 3 and len({form.slug for form in forms}) == 3  # each its own address
    assert existing.pk in [form.pk for form in forms] and SignupFormPage.objects.get(pk=existing.pk).live


def test_a_campaign_on_the_other_site_is_not_the_redactie_s(client, member, microsite):
    """The Redactie edits the main site only: a campaign under the microsite's home page is out of reach."""
    index = microsite.root_page.add_child(instance=CampaignIndexPage(title="Acties", slug="acties"))
    campaign = index.add_child(instance=CampaignPage(title="Elders", slug="elders"))
    url = reverse("campaigns_add_signup_form", args=[campaign.pk])
    client.force_login(member(roles.REDACTIE))
    assert client.post(url, {"kind": "petition", "title": "Elders tekenen"}).status_code in (302, 403)
    assert not SignupFormPage.objects.child_of(campaign).exists()
    client.force_login(member(roles.MICROSITE_REDACTIE))  # who edits the microsite may
    assert client.post(url, {"kind": "petition", "title": "Elders tekenen"}).status_code == 302
    assert SignupFormPage.objects.child_of(campaign).count() == 1


def test_without_a_login_nothing_happens(client, medical_campaign):
    before = SignupFormPage.objects.count()
    response = client.post(
        reverse("campaigns_add_signup_form", args=[medical_campaign.pk]), {"kind": "petition", "title": "Anoniem"}
    )
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert SignupFormPage.objects.count() == before


def test_the_campaign_editor_opens_the_sign_up_chooser_at_the_campaign(client, member, medical_campaign):
    """An empty sign-up block's page chooser starts at the campaign (campaigns/static/campaigns/js/
    signup-chooser.js), not at the top of the tree: the editor names the campaign and loads the script."""
    client.force_login(member(roles.REDACTIE))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[medical_campaign.pk])).content.decode()
    assert f'data-signup-forms-parent="{medical_campaign.pk}"' in editor
    assert "campaigns/js/signup-chooser" in editor
    chooser = client.get(
        reverse("wagtailadmin_choose_page_child", args=[medical_campaign.pk]), {"page_type": "campaigns.signupformpage"}
    )
    assert chooser.status_code == 200
    assert SignupFormPage.objects.child_of(medical_campaign).first().title in chooser.content.decode()
