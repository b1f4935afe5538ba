"""A translator's override of a link (rich text link, button link, video address) is never a script: wagtail-localize's
override API stored `javascript:` as it was and publishing wrote it into the public page (editors/translation_links.py).
"""

from __future__ import annotations

import importlib
import json

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import OverridableSegment, SegmentOverride

from editors.translation_links import in_page_content
from home.models import ContentPage
from research.models import PublicationPage
from tests.editors.conftest import put_override

pytestmark = pytest.mark.django_db

EVIL = "javascript:alert(document.domain)"


def publish(client, translation, capture):
    draft = translation.get_target_instance()
    with capture(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"})
    assert response.status_code == 302
    return Page.objects.get(pk=draft.pk).specific


def body_json(page) -> str:
    return json.dumps(list(page.body.raw_data))


def test_script_links_are_refused_with_a_message_and_never_published(
    login, admin_client, translation, django_capture_on_commit_callbacks
):
    segments = list(OverridableSegment.objects.filter(source=translation.source))
    assert len(segments) == 3  # the rich text link, the button's link, the video's address
    vertaler = login("Vertalers")
    for segment, value in zip(
        segments, [EVIL, " java\tscript:alert(1)", "data:text/html,<script>x</script>"], strict=True
    ):
        response = put_override(vertaler, translation, segment, value)
        # The translation editor shows the `error` of its answer next to the value (in red).
        assert response.status_code in (200, 201)
        assert "kan niet in een link" in response.json()["error"]
    assert all(override.has_error for override in SegmentOverride.objects.all())

    page = publish(vertaler, translation, django_capture_on_commit_callbacks)
    assert page.live
    assert "script:" not in body_json(page) and "data:" not in body_json(page)
    assert "https://example.org/cta" in body_json(page)  # the source's address stays
    assert "javascript:" not in Client().get(page.url).content.decode()
    assert "javascript:" not in Client().get(f"/api/v2/pages/{page.pk}/").content.decode()
    draft_view = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert "javascript:" not in draft_view.content.decode()
    # After a reload the editor still shows why.
    editor = vertaler.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "kan niet in een link" in editor.content.decode()


def test_a_corrected_link_is_used(login, translation, django_capture_on_commit_callbacks):
    vertaler = login("Vertalers")
    segment = OverridableSegment.objects.get(source=translation.source, context__path__endswith=".link.url")
    put_override(vertaler, translation, segment, EVIL)
    response = put_override(vertaler, translation, segment, "https://example.org/en/cta")
    assert response.status_code == 200
    assert response.json()["error"] is None
    page = publish(vertaler, translation, django_capture_on_commit_callbacks)
    assert "https://example.org/en/cta" in body_json(page)


def run_marking_migration() -> None:
    """editors 0001 as `migrate` runs it: with the historical models of that point."""
    name = "0001_mark_unsafe_override_links"
    migration = importlib.import_module(f"editors.migrations.{name}")
    migration.mark_unsafe_links(MigrationLoader(connection).project_state(("editors", name)).apps, None)


def test_a_script_link_stored_before_the_check_is_never_used(
    admin_client, translation, django_capture_on_commit_callbacks
):
    # Stored the way it was before the check existed: no post_save (bulk_create sends none).
    segment = OverridableSegment.objects.get(source=translation.source, context__path__endswith=".link.url")
    SegmentOverride.objects.bulk_create(
        [SegmentOverride(locale=translation.target_locale, context=segment.context, data_json=json.dumps(EVIL))]
    )
    preview = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    assert EVIL in admin_client.get(preview).content.decode()  # what such a database showed and published

    run_marking_migration()
    assert EVIL not in admin_client.get(preview).content.decode()
    page = publish(admin_client, translation, django_capture_on_commit_callbacks)
    assert "script:" not in body_json(page)
    assert "https://example.org/cta" in body_json(page)  # the source's address stays
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "kan niet in een link" in editor.content.decode()  # in Dutch: no translator asked in a language


def test_the_migration_leaves_safe_overrides_and_other_fields_alone(translation):
    segment = OverridableSegment.objects.get(source=translation.source, context__path__endswith=".link.url")
    SegmentOverride.objects.bulk_create(
        [SegmentOverride(locale=translation.target_locale, context=segment.context, data_json='"https://x.org/en"')]
    )
    run_marking_migration()
    assert not SegmentOverride.objects.filter(has_error=True).exists()


def test_only_page_content_is_checked_as_links():
    # Synchronised model fields may hold any text ("Dr: ..."); their own validation checks URL fields.
    assert in_page_content(ContentPage, "body.0a1b.link.url")
    assert not in_page_content(ContentPage, "intro")
    assert not in_page_content(PublicationPage, "authors.4f2c.name")  # an inline author's name
    assert in_page_content(PublicationPage, "body.4f2c.x")
    assert not in_page_content(ContentPage, "nonexistent.x.y")
