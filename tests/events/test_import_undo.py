"""Undoing an import deletes through the ORM, so the libraries clean up after the events it removes: no
translation, no wagtail-localize records, no reference-index rows are left behind (a raw delete left them)."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail_localize.models import StringSegment, TranslatableObject, Translation, TranslationSource

from events.importing import run_import, undo_import
from events.models import Event, ImportBatch
from multilingual.translation import translate
from tests.events.conftest import fixture_bytes

pytestmark = pytest.mark.django_db


def _references(ids: list[int]):
    """Reference-index rows of these events, or pointing at them."""
    content_type = ContentType.objects.get_for_model(Event)
    keys = [str(pk) for pk in ids]
    return ReferenceIndex.objects.filter(
        Q(content_type=content_type, object_id__in=keys) | Q(to_content_type=content_type, to_object_id__in=keys)
    )


def test_undo_leaves_no_translations_or_library_records_behind():
    report = run_import(fixture_bytes("matching_first.csv"), "matching_first.csv", dry_run=False)
    training = Event.objects.get(external_id="K-7")
    training.audience = "Vrijwilligers en hulpverleners"
    training.save()  # edited in the admin after the import: Wagtail indexes its references
    english = translate(training, "en", {"Training": "Training session"})
    # Made before the import finished, as far as undo can tell: later work is protected (test_undo_protection).
    ImportBatch.objects.filter(pk=report.batch.pk).update(finished_at=timezone.now())
    key = training.translation_key
    ids = [*report.batch.created_ids, english.pk]
    # What the libraries recorded for the translated event, which undo must take along.
    assert TranslatableObject.objects.filter(translation_key=key).exists()
    assert TranslationSource.objects.filter(object_id=key).exists()
    assert Translation.objects.filter(source__object_id=key).exists()
    assert StringSegment.objects.filter(context__object_id=key).exists()
    assert _references(ids).exists()

    removed, restored = undo_import(ImportBatch.objects.get(pk=report.batch.pk))

    assert (removed, restored) == (3, 0)
    assert not Event.objects.filter(pk__in=ids).exists()
    assert not Event.objects.filter(translation_key=key).exists()  # no English copy
    assert not TranslatableObject.objects.filter(translation_key=key).exists()
    assert not TranslationSource.objects.filter(object_id=key).exists()
    assert not Translation.objects.filter(source__object_id=key).exists()
    assert not StringSegment.objects.filter(context__object_id=key).exists()
    assert not _references(ids).exists()
