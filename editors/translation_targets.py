"""wagtail-localize's views that change a translation, refused to Vertalers where the translation is into Dutch.

Vertalers never change the Dutch text (editors/roles.py), but wagtail-localize checks only Wagtail's page and
snippet permissions, which have no language. For a page or snippet written in English and translated into Dutch
a Vertaler could, before: upload a PO file into the Dutch translation, machine-translate it, stop it, "Sync" its
English source into it and publish it, and turn the Dutch page into an alias of the English one (its text replaced,
published). Each is answered here, at wagtail-localize's own address (registered before its URLs,
editors/wagtail_hooks.py), through `translator_guard.refusing`: the guard's message on the dashboard, nothing
stored; the view itself for everyone else. The confirmation forms of these changes (sync, convert to alias) are
refused too, as the editor of a Dutch page is. "Vertalen" into Dutch is refused the same way
(editors/translating.py); the translation editor itself goes through Wagtail's edit views and their hooks, its
saving API through editors/translation_api.py.

What stays open: reading. The PO file's download and the preview of a translation into Dutch change nothing.
"""

from __future__ import annotations

from django.urls import path
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation, update_translations

from editors.translator_guard import refusing


def the_translation(request, translation_id: int, **kwargs):
    """The translation the view changes (none: wagtail-localize answers 404)."""
    return Translation.objects.filter(pk=translation_id)


def the_synced_translations(request, translation_source_id: int, **kwargs):
    """What "Sync translated pages / snippets" updates (and may publish): the source's running translations."""
    return Translation.objects.filter(source_id=translation_source_id, enabled=True)


def the_page(request, page_id: int, **kwargs):
    """The page "Convert to alias page" replaces with its source (its own language)."""
    return Page.objects.filter(pk=page_id)


def guarded_urls() -> list:
    """The same addresses and names as wagtail-localize's views (inside the admin's, so only staff reach them)."""
    translate = "localize/translate/<int:translation_id>"
    return [
        path(
            f"{translate}/pofile/upload/",
            refusing(edit_translation.upload_pofile, the_translation),
            name="los_upload_pofile",
        ),
        path(
            f"{translate}/machine_translate/",
            refusing(edit_translation.machine_translate, the_translation),
            name="los_machine_translate",
        ),
        path(
            f"{translate}/disable/",
            refusing(edit_translation.stop_translation, the_translation),
            name="los_stop_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            refusing(update_translations.UpdateTranslationsView.as_view(), the_synced_translations),
            name="los_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            refusing(convert.convert_to_alias, the_page),
            name="los_convert_to_alias",
        ),
    ]
