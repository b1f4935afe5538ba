"""'Reageer op nieuws' with a photo (issue 16): its own summary, the photo's description as alt text, the photo in
the LOS collection; bad input gets a message and writes nothing."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from news.models import NewsPage

pytestmark = pytest.mark.django_db
URL = "/admin/nieuws/reageer/"
REACTION = "Opvang sluiten in de winter is onverantwoord"


def photo(name: str = "opvang.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def form_data(themes, **changes) -> dict:
    return {
        "source_url": "https://nos.nl/artikel/2026-noodopvang",
        "source_name": "NOS",
        "reaction": REACTION,
        "summary": "De gemeente sluit de noodopvang op 1 december. LOS vraagt het kabinet dat te voorkomen.",
        "theme": themes["basisrechten"].pk,
        **changes,
    }


@pytest.fixture
def editor(client, django_user_model):
    def as_member(group: str):
        user = django_user_model.objects.create_user(f"lid-{group.lower()}", password="x" * 20)
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return client

    return as_member


def test_a_reaction_with_a_photo_in_one_form(editor, news_index, themes):
    response = editor("Stagiairs").post(
        URL, form_data(themes, photo=photo(), photo_description="Mensen in de rij voor de nachtopvang.")
    )
    page = NewsPage.objects.child_of(news_index).get(title=REACTION)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.intro.startswith("De gemeente sluit")
    image = page.listing_image
    assert image.collection.name == "LOS"
    assert image.description == page.listing_image_alt == "Mensen in de rij voor de nachtopvang."


def test_the_summary_may_not_repeat_the_title(editor, news_index, themes):
    response = editor("Redactie").post(URL, form_data(themes, summary=REACTION.upper()))
    assert response.status_code == 200
    assert "Herhaal de titel niet" in response.content.decode()
    assert not NewsPage.objects.filter(title=REACTION).exists()


@pytest.mark.parametrize(
    "changes,field_error",
    [
        ({"photo_description": "Zonder foto is dit genoeg."}, None),
        ({"photo": "photo", "photo_description": ""}, "Beschrijf wat er op de foto staat."),
        ({"photo": SimpleUploadedFile("virus.png", b"MZ\x90\x00 not an image")}, "photo"),
        ({"summary": "x" * 301}, "summary"),
        ({"summary": "Nul\x00byte in de samenvatting"}, "summary"),
        ({"reaction": "<script>alert(1)</script>\x00"}, "reaction"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"photo_description": "d" * 251, "photo": "photo"}, "photo_description"),
    ],
)
def test_bad_input_gets_a_message_and_writes_nothing(editor, news_index, themes, changes, field_error):
    images_before = get_image_model().objects.count()
    changes = {key: photo() if value == "photo" else value for key, value in changes.items()}
    response = editor("Redactie").post(URL, form_data(themes, **changes))
    if field_error is None:  # a description without a photo is simply not used
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert not NewsPage.objects.filter(source_url="https://nos.nl/artikel/2026-noodopvang").exists()
    assert get_image_model().objects.count() == images_before


@pytest.mark.parametrize(
    "group,status", [("Redactie", 200), ("Eindredactie", 200), ("Stagiairs", 200), ("Vrijwilligers", 302)]
)
def test_who_may_react(editor, news_index, group, status):
    assert editor(group).get(URL).status_code == status


def test_the_image_description_is_the_alt_text_unless_the_page_says_otherwise(news_index):
    image = get_image_model().objects.create(
        title="Demonstratie", file=photo("demo.png"), description="Demonstranten op het Malieveld."
    )
    page = NewsPage.objects.child_of(news_index).live().first().specific
    page.listing_image, page.listing_image_alt = image, ""
    page.full_clean()
    assert page.listing_image_alt == "Demonstranten op het Malieveld."
    page.listing_image_alt = "Een spandoek: 'Bed, bad, brood'."
    page.full_clean()
    assert page.listing_image_alt == "Een spandoek: 'Bed, bad, brood'."
