"""Indexing leaves the instance a view saved as it was (search/backends/wagtail_database.py `with_analysis`).

Wagtail's image chooser indexes the image it just uploaded, then caches a rendition that holds that image: the
cache pickles it. A lambda the indexer left on the instance made that a server error for every editor uploading a
photo from the page editor (found by tests/e2e/test_editors_publishing.py)."""

from __future__ import annotations

import io
import pickle

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.search.index import insert_or_update_object

from editors.roles import LOS_COLLECTION, REDACTIE
from home.models import ContentPage

pytestmark = pytest.mark.django_db


def test_the_redactie_uploads_a_photo_in_the_page_editor_s_image_chooser(client, django_user_model):
    user = django_user_model.objects.create_user("redacteur", password="x" * 20)
    user.groups.add(Group.objects.get(name=REDACTIE))
    client.force_login(user)
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "peru").save(buffer, "PNG")
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Koffietafel",
            "image-chooser-upload-file": SimpleUploadedFile("koffie.png", buffer.getvalue(), "image/png"),
            "image-chooser-upload-description": "Vrijwilligers aan een lange tafel met koffie.",
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    image = get_image_model().objects.get(title="Koffietafel")
    assert image.collection.name == LOS_COLLECTION  # the only collection the Redactie adds to


def test_an_indexed_instance_stays_as_it_was():
    page = ContentPage.objects.live().first()
    insert_or_update_object(page)
    assert "get_search_fields" not in vars(page)
    pickle.dumps(page)
