"""wagtail-localize's translation editor API: a value it cannot store is refused in words the editor shows, never
stored and never a 500; Vertalers save nothing into a Dutch translation.

The translation editor saves every translated string and every override (a link, a video's address) with a PUT to
`edit_string_translation` or `edit_override`, which store `request.POST["value"]` as it comes. A PUT without
`value`, or with a JSON body (where Django REST framework's `request.POST` is empty), raised a KeyError: 500. A
translated page title longer than a title can be (255 characters) was stored, and then PostgreSQL refused
wagtail-localize's copy of it into the page's draft title: 500 too. An override with a NUL character was stored,
and publishing the translation answered 500 on PostgreSQL.

`checked` wraps both views at their own addresses (registered before wagtail-localize's, editors/wagtail_hooks.py).
It first lets wagtail-localize answer everyone it refuses itself: 404 for an unknown translation or segment, 403
for those who may not edit the translation. Then it refuses a member of Vertalers only (editors/translator_guard.py)
any change (PUT, DELETE) to a translation into the source language (Dutch, e.g. of a page written in English)
with 403: wagtail-localize checks only Wagtail's page permissions, which have no language, and Vertalers never
change the Dutch text (editors/roles.py); its editor for a Dutch page is refused them already.

For a PUT it then reads the body the way wagtail-localize's view does. A value too long for its field, or an
override holding control characters, is stored nowhere and answered with status 200 in the shape of
wagtail-localize's own answer (`StringTranslationSerializer`, `SegmentOverrideSerializer`), its `error` our
message that the value was not saved: the editor's script reads an answer only when its status is 200 or 201 and
shows anything else as a hard-coded English "Server error"; from a 200 it shows `error` in red beside the segment,
as wagtail-localize itself reports a translation with a problem. `data` is the value sent, so the translator can
correct it. A PUT without any value (no editor sends one) is answered 400 with `{"detail": message}`. Everything
else goes to wagtail-localize's view unchanged, so its own answers stay: 400 for a body that is no valid JSON or
form, 415 for other kinds of body.
"""

from __future__ import annotations

from functools import wraps

from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.settings import api_settings
from wagtail_localize.models import OverridableSegment, StringSegment, Translation, TranslationSource
from wagtail_localize.views import edit_translation

from editors import translator_guard
from editors.translation_links import source_model
from security.downloads import xml_text


class _Unread(Exception):
    """A body wagtail-localize's view answers itself (with 400 or 415)."""


def posted_value(request) -> str | None:
    """The `value` wagtail-localize's view reads: Django REST framework's `request.POST` (form bodies only)."""
    request.body  # noqa: B018  read once and kept, so that wagtail-localize's view can read the same body again
    parsers = [parser() for parser in api_settings.DEFAULT_PARSER_CLASSES]
    try:
        return Request(request, parsers=parsers).POST.get("value")
    except APIException as error:
        raise _Unread from error


def max_length(translation: Translation, segment) -> int | None:
    """The length of the model field the value is stored in, where it is one field of its own (a page title)."""
    model = source_model(TranslationSource.objects, translation.source.object_id)
    field = next((f for f in model._meta.concrete_fields if f.name == segment.context.path), None) if model else None
    return getattr(field, "max_length", None)


def value_problem(translation: Translation, segment, value: str) -> str | None:
    """Why `value` cannot be stored (a message for the translator, saying it was not saved), or None."""
    if isinstance(segment, OverridableSegment) and xml_text(value) != value:
        # A string translation loses these when it is saved (editors/translating.py); an override is stored as it
        # comes, and PostgreSQL refused to publish one with a NUL character.
        return _(
            "Niet opgeslagen: deze waarde bevat onzichtbare stuurtekens. Typ of plak haar opnieuw, zonder die tekens."
        )
    limit = max_length(translation, segment)
    if limit is not None and len(value) > limit:
        return _("Niet opgeslagen: deze tekst is te lang: maximaal %(limit)d tekens.") % {"limit": limit}
    return None


def not_saved(segment, value: str, problem: str) -> dict:
    """wagtail-localize's answer to a saved value (its serializer's fields), for a value that was not saved."""
    if isinstance(segment, OverridableSegment):
        return {"segment_id": segment.pk, "data": value, "error": problem}
    return {
        "string_id": segment.string_id,
        "segment_id": segment.pk,
        "data": value,
        "error": problem,
        "comment": None,
        "last_translated_by": None,
    }


def refusal(request, translation: Translation, segment) -> JsonResponse | None:
    """The answer to a PUT whose value is not stored, or None for wagtail-localize's view to answer."""
    try:
        value = posted_value(request)
    except _Unread:
        return None
    if value is None:
        return JsonResponse(
            {"detail": _("Er is geen waarde meegestuurd: stuur het formulierveld 'value' mee.")}, status=400
        )
    problem = value_problem(translation, segment, value)
    return JsonResponse(not_saved(segment, value, problem)) if problem else None


def checked(view, segments):
    """`view` of wagtail-localize, refusing what it would store but cannot (see the module's docstring)."""

    @wraps(view)
    def checked_view(request, translation_id: int, segment_id: int):
        translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
        segment = segments.select_related("context").filter(pk=segment_id).first()
        # As wagtail-localize checks before it reads the value: it answers everyone else (404, 403).
        if translation is None or segment is None or segment.context.object_id != translation.source.object_id:
            return view(request, translation_id, segment_id)
        target = translation.get_target_instance()
        if not edit_translation.user_can_edit_instance(request.user, target):
            return view(request, translation_id, segment_id)
        if translator_guard.guarded(request.user, target):
            return JsonResponse({"detail": translator_guard.refusal_message()}, status=403)
        if request.method == "PUT" and (refused := refusal(request, translation, segment)):
            return refused
        return view(request, translation_id, segment_id)

    return checked_view


def edit_urls() -> list:
    """The same addresses as wagtail-localize's views (inside the admin's, so only staff reach them)."""
    return [
        path(
            "localize/translate/<int:translation_id>/strings/<int:segment_id>/edit/",
            checked(edit_translation.edit_string_translation, StringSegment.objects),
            name="los_edit_string_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:segment_id>/edit/",
            checked(edit_translation.edit_override, OverridableSegment.objects),
            name="los_edit_override",
        ),
    ]
