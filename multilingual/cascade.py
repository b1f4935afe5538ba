"""Translations follow their source: deleting or moving a Dutch page does the same for its translations, and
deleting a translatable snippet in Dutch (a theme, site texts, an event) deletes its translations. Without this
an English copy of a deleted news item stayed live and listed, and the English copy of a deleted theme was still
offered as a filter that found nothing.

Pages use Wagtail's own mechanism, the `construct_translated_pages_to_cascade_actions` hook (the one
`wagtail.contrib.simple_translation` offers behind a setting; we translate with wagtail-localize): the delete and
move confirmation pages then say how many translations go along. Only a source page takes its translations along;
deleting a translation never touches its source. Unpublishing is offered (ticked by default) by our own unpublish
view, `admin_views.UnpublishWithTranslationsView`, because this hook gets no request to make it a choice.
"""

from __future__ import annotations

from django.db import models
from wagtail.models import Locale, Page, TranslatableMixin


def translated_pages_to_cascade(pages: list[Page], action: str) -> dict[Page, models.QuerySet]:
    """For each page in the default (source) language, its translations the `action` should follow to."""
    if action not in ("delete", "move"):
        return {}
    source = Locale.get_default()
    return {page: Page.objects.translation_of(page, inclusive=False) for page in pages if page.locale_id == source.pk}


def delete_snippet_translations(sender, instance, **kwargs) -> None:
    """post_delete: a translatable non-page object in the source language takes its translations along (through
    the ORM, so their own clean-up runs)."""
    if not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    type(instance)._default_manager.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).delete()
