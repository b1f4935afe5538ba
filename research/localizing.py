"""Showing translatable objects in the visitor's language: one query for a whole list, whatever its length."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import QuerySet
from wagtail.models import TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)


def in_locale(items: list[T], locale_id: int | None, translations: QuerySet) -> list[T]:
    """Each item replaced by its translation into `locale_id` where `translations` holds one, in the same order.

    `translations` says which translations count (live pages only, with logos selected); items already in the
    locale, or without a translation there, stay as they are. No query when there is nothing to translate.
    """
    if locale_id is None:
        return items
    keys = {item.translation_key for item in items if item.locale_id != locale_id}
    if not keys:
        return items
    translated = {
        translation.translation_key: translation
        for translation in translations.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [translated.get(item.translation_key, item) for item in items]
