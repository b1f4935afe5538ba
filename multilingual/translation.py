"""Translating content through wagtail-localize from code (demo content, imports, tests).

Translations made here are ordinary wagtail-localize translations: editors see and change them in the
translation editor, and a re-sync from the Dutch source keeps them.
"""

from __future__ import annotations

from django.db import models
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def translate(instance: models.Model, language_code: str, strings: dict[str, str]) -> models.Model:
    """Create or update the translation of `instance` into `language_code` and return it (published).

    `strings` maps source text (a title, a slug, a sentence of rich text) to its translation; source strings
    without an entry stay in the source language until someone translates them.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    if not isinstance(instance, DraftStateMixin):
        translated, _ = source.create_or_update_translation(locale, publish=True, fallback=True)
        return translated
    # wagtail-localize publishes in transaction.on_commit with the instance it holds in memory; inside a longer
    # transaction that stale copy overwrites tree data (numchild) written meanwhile. Save a draft, then publish
    # a freshly loaded revision now.
    translated, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    fresh = type(translated).objects.get(pk=translated.pk)
    fresh.get_latest_revision().publish()
    return fresh
