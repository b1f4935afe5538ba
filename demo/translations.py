"""The `translate` kind of demo entry: translations through wagtail-localize (`multilingual.translation.translate`),
exactly as staff make them with "Vertalen", or plain copies in the target language for many small snippets.

    - key: microsite-translations
      translate:
        - of: [microsite-home, huiselijk-geweld]     # keys of pages or snippets
          strings:                                    # the Dutch source text and its translations
            - nl: Huiselijk geweld
              en: Domestic violence
              fr: Violences conjugales et familiales

The entry is made language by language, in the order the languages first appear in its strings, and within a
language object by object; an object gets a language only when its strings have that language. An object that
already has the translation is left alone; a language the installation does not serve (LOS_LANGUAGES) is skipped.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import StringSegment

from demo.data import Catalogue, CheckResolver, Entry
from demo.kinds import State
from multilingual.translation import translate

SOURCE = "nl"
ITEM_OPTIONS = {"of", "strings", "copy"}


def _references(item: dict[str, Any]) -> list[str]:
    return item["of"] if isinstance(item["of"], list) else [item["of"]]


def languages(items: list[dict[str, Any]]) -> list[str]:
    """The target languages of an entry, in the order they first appear in its strings."""
    found: dict[str, None] = {}
    for item in items:
        for row in item["strings"]:
            found.update(dict.fromkeys(code for code in row if code != SOURCE))
    return list(found)


def check_translate(entry: Entry, catalogue: Catalogue) -> None:
    items = entry.value
    if not isinstance(items, list) or entry.data:
        raise entry.error("'translate:' is een lijst van '- of: <key>' met 'strings:'")
    for item in items:
        if not isinstance(item, dict) or "of" not in item or set(item) - ITEM_OPTIONS:
            raise entry.error(f"elk onderdeel van 'translate' heeft 'of' en 'strings' (en mag 'copy'), niet {item!r}")
        for reference in _references(item):
            CheckResolver(catalogue, entry)(reference)
            target = catalogue.target(entry, reference)
            model = apps.get_model(target.value) if target.kind in ("page", "snippet") else None
            if model is None or not issubclass(model, TranslatableMixin):
                raise entry.error(f"'{reference}' is niet te vertalen (geen pagina of vertaalbare snippet)")
            if item.get("copy") and target.kind != "snippet":
                raise entry.error(f"'copy: true' is alleen voor snippets, niet voor '{reference}'")
        rows = item.get("strings")
        if not isinstance(rows, list) or not rows:
            raise entry.error("'strings:' is een lijst van '- nl: <Nederlandse tekst>' met de vertalingen erbij")
        for row in rows:
            if not isinstance(row, dict) or not all(isinstance(text, str) for text in row.values()):
                raise entry.error(
                    f"elke regel van 'strings' is taalcode: tekst (tussen aanhalingstekens), niet {row!r}"
                )
            if SOURCE not in row:
                raise entry.error(f"een regel van 'strings' zonder de Nederlandse tekst ('nl:'): {row!r}")


def load_translate(entry: Entry, state: State) -> None:
    served = {code for code, _name in settings.LANGUAGES}
    resolve = state.resolver(entry)
    for language in languages(entry.value):
        if language not in served:
            state.log(f"{entry.where}: taal '{language}' staat niet in LOS_LANGUAGES, overgeslagen.")
            continue
        for item in entry.value:
            strings = {row[SOURCE]: row[language] for row in item["strings"] if language in row}
            if not strings:
                continue
            source_texts: set[str] | None = None  # None: every object had the language already
            for reference in _references(item):
                loaded = resolve(reference)
                instance = type(loaded)._default_manager.get(pk=loaded.pk)  # as it is now, not as it was made
                if instance.get_translations().filter(locale__language_code=language).exists():
                    continue
                if item.get("copy"):
                    copy_in_language(instance, language, strings)
                else:
                    translate(instance, language, strings)
                source_texts = (source_texts or set()) | texts_of(instance, copied=bool(item.get("copy")))
                state.created += 1
            if source_texts is not None and (unused := [text for text in strings if text not in source_texts]):
                raise entry.error(
                    f"deze Nederlandse tekst staat niet in {item['of']}, dus wordt hij niet vertaald: "
                    f"{unused[0][:120]!r}. Schrijf hem zoals de vertaaleditor hem toont (een link als "
                    '<a id="a1">...</a>, een regelafbreking als <br/>).'
                )
    return None


def texts_of(instance: models.Model, *, copied: bool) -> set[str]:
    """The source texts a row of `strings` can match: wagtail-localize's strings of the object (as the translation
    editor shows them), or for a plain copy its text fields."""
    if copied:
        return {
            value
            for field in instance._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and isinstance(value := getattr(instance, field.attname), str)
        }
    return set(
        StringSegment.objects.filter(source__object_id=instance.translation_key).values_list("string__data", flat=True)
    )


def copy_in_language(instance: models.Model, language_code: str, strings: dict[str, str]) -> models.Model:
    """A plain copy of a snippet in another language (no wagtail-localize source: much faster for many small
    items; editors can still translate and sync them), its texts replaced where `strings` has a translation."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    copy = instance.copy_for_translation(locale)
    for field in copy._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            value = getattr(copy, field.attname)
            if value in strings:
                setattr(copy, field.attname, strings[value])
    copy.save()
    return copy
