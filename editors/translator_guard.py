"""Vertalers change translations only: the locale scope that Wagtail 8's permissions cannot express.

Wagtail's page and snippet permissions have no notion of language: a group with "edit" on a tree may edit every
page in it, in every locale. The Vertalers group therefore gets page permissions on every site tree (so the
translation editor of wagtail-localize lets them edit and publish translated pages), and the hooks in
`editors/wagtail_hooks.py` refuse every admin action that would change content in the source language (Dutch):
editing, publishing, unpublishing, moving, copying, deleting pages, bulk actions, and editing or deleting
snippets. They create no pages at all (translations are made with "Vertalen", not with the create view).
A user who is also in a group without that restriction (or a superuser) is not limited.

wagtail-localize's own views check only Wagtail's permissions too, so a translation whose target is Dutch (a page
or snippet written in English, translated into Dutch) was theirs to change. `refusing` puts the same guard in
front of each of its views that changes one (editors/translation_targets.py; the translation editor's saving API
answers with 403 instead, editors/translation_api.py). Reading (a PO file's download, the preview) stays open.
"""

from __future__ import annotations

from functools import wraps

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Locale

from editors.roles import ROLES

TRANSLATION_ONLY_GROUPS = frozenset(role.name for role in ROLES if role.translations_only)


def is_translator_only(user) -> bool:
    """True for a user whose only groups are translation-only groups (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    cached = getattr(user, "_los_translator_only", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = bool(names & TRANSLATION_ONLY_GROUPS) and not (names - TRANSLATION_ONLY_GROUPS)
        user._los_translator_only = cached
    return cached


def in_source_language(obj) -> bool:
    """`obj` (a page, a snippet) is in the source language; a Locale is it; a wagtail-localize Translation is
    into it (its target)."""
    if isinstance(obj, Locale):
        locale_id = obj.pk
    else:
        locale_id = getattr(obj, "target_locale_id", None) or getattr(obj, "locale_id", None)
    return locale_id is not None and locale_id == Locale.get_default().pk


def refusal_message() -> str:
    return _(
        "Als vertaler kun je alleen vertalingen bewerken. Nederlandse pagina's en items wijzigt de "
        "redactie; kies 'Vertalen' om een vertaling te maken of bij te werken."
    )


def refuse(request):
    messages.error(request, refusal_message())
    return redirect("wagtailadmin_home")


def guarded(user, *objects) -> bool:
    """True when `user` is a translator only and one of `objects` is source-language content."""
    return is_translator_only(user) and any(in_source_language(obj) for obj in objects)


def guard(request, *objects):
    """The refusal response when a translator touches source-language content, else None."""
    return refuse(request) if guarded(request.user, *objects) else None


def refusing(view, targets):
    """`view`, refused (`refuse`) to a translator only when one of `targets(request, **url_kwargs)` is
    source-language content; for everyone else `view` answers as before (targets are not even looked up)."""

    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        if is_translator_only(request.user) and guarded(request.user, *targets(request, **kwargs)):
            return refuse(request)
        return view(request, *args, **kwargs)

    return guarded_view
