"""A link a translator sets in a translation is a web address, never a script.

wagtail-localize's translation editor lets a translator replace ("override") the values it does not translate:
the address of a link in rich text, a button's or logo's link (URLBlock), a video's address (EmbedBlock or our
VideoURLBlock). Its API (`edit_override`) stores any text, and publishing the translation wrote it as it was into
the page's StreamField: `javascript:...` became `<a href="javascript:...">` on the public page, in the API partner
sites read, and in the admin's draft view, run with the session of whoever clicked it. Wagtail's own page editor
never lets such a link through (its URL fields and rich text editor check the scheme); only the override did.

The one check is on the stored override itself (`SegmentOverride` post_save), so every way of storing one is
covered, not just today's view. An unsafe address inside a StreamField or rich text field is marked as an error,
wagtail-localize's own mechanism for overrides that cannot be used: the translation is built without it (the
source's address stays), and the translation editor shows the value in red with our message, now and after a
reload. Synchronised model fields (a URLField such as a help location's website) are checked by the model's own
validation when the translation is saved, and may hold plain text (an author's name), so they are left alone.
The scheme check is Wagtail's (`wagtail.whitelist.check_url`: http, https, ftp, mailto, tel, or no scheme, with
the control characters browsers ignore taken out first), the same as its rich text editor's.

Overrides stored before this check existed were never saved again, so the signal never saw them: migration
`editors/migrations/0001_mark_unsafe_override_links.py` runs the same check (`mark_stored_unsafe_links`) over every
stored override once. wagtail-localize writes overrides only through `save()` (its API's `update_or_create`, and
`set_field_error`), so after that migration no stored unsafe override is used.
"""

from __future__ import annotations

import json

from django.apps import apps as django_apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_save
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.whitelist import check_url

REFUSED = _(
    "Dit adres kan niet in een link. Gebruik een webadres dat begint met https:// of http:// (of mailto: of tel:). "
    "Tot je het aanpast, gebruikt de vertaling het adres van het origineel."
)


def in_page_content(model, path: str) -> bool:
    """Whether the value at wagtail-localize's context `path` lies inside a StreamField or rich text field of
    `model`, following inline children (their path is `<relation>.<translation key>.<field>...`)."""
    parts = path.split(".")
    while model is not None and parts:
        try:
            field = model._meta.get_field(parts[0])
        except FieldDoesNotExist:
            return False
        if isinstance(field, StreamField | RichTextField):
            return True
        if not (field.one_to_many and len(parts) > 2):
            return False
        model, parts = field.related_model, parts[2:]
    return False


def source_model(sources, object_id):
    """The model (page type) of the translatable object `object_id`, or None. The object knows only the base model
    (Page); its sources know the page type. `sources` is TranslationSource's manager: the real one, or a
    migration's historical one, since only the tables are read through it."""
    names = (
        sources.filter(object_id=object_id)
        .values_list("specific_content_type__app_label", "specific_content_type__model")
        .first()
    )
    try:
        # The current class, also in a migration: only its fields are looked at (never its table), and the
        # translation is built with the current code's fields.
        return django_apps.get_model(*names) if names else None
    except LookupError:
        return None  # a model removed since


def unsafe_link(value, context, sources) -> bool:
    """The one check: `value` is no address a link may hold, and stands where the page content has a link."""
    if not isinstance(value, str) or check_url(value) is not None or context is None:
        return False
    return in_page_content(source_model(sources, context.object_id), context.path)


def is_unsafe_link(override) -> bool:
    from wagtail_localize.models import TranslationSource

    return unsafe_link(override.data, override.context, TranslationSource.objects)


def mark_stored_unsafe_links(overrides, sources) -> int:
    """Mark every stored unsafe override as an error, as `check_override` does when one is saved; returns how many.
    `overrides` and `sources` are the managers of SegmentOverride and TranslationSource (historical ones in a
    migration)."""
    unsafe = []
    for override in overrides.filter(has_error=False).select_related("context").iterator():
        try:
            value = json.loads(override.data_json)
        except ValueError:
            continue  # not JSON: wagtail-localize cannot use it either
        if unsafe_link(value, override.context, sources):
            unsafe.append(override.pk)
    # In the admin's language: no translator asked in theirs (and `migrate` runs without one).
    with translation.override(settings.LANGUAGE_CODE):
        overrides.filter(pk__in=unsafe).update(has_error=True, field_error=str(REFUSED))
    return len(unsafe)


def check_override(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """post_save of SegmentOverride: mark an unsafe link as an error (never used), clear the error of a changed
    value that is fine. Written with update(), as `update_or_create` saves only the fields it was given."""
    if raw or (update_fields is not None and "data_json" not in update_fields):
        return  # fixtures; wagtail-localize recording a publishing error (set_field_error)
    if is_unsafe_link(instance):
        has_error, field_error = True, str(REFUSED)
    elif instance.has_error:
        # A new value: wagtail-localize would keep an earlier error forever (and the value unused); publishing
        # validates the translation again and records a remaining error.
        has_error, field_error = False, ""
    else:
        return
    type(instance).objects.filter(pk=instance.pk).update(has_error=has_error, field_error=field_error)
    instance.has_error, instance.field_error = has_error, field_error  # the editor's answer serialises this one


def connect() -> None:
    from wagtail_localize.models import SegmentOverride

    post_save.connect(check_override, sender=SegmentOverride, dispatch_uid="editors.check_override_links")
