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
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_save
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


def is_unsafe_link(override) -> bool:
    value = override.data
    if not isinstance(value, str) or check_url(value) is not None:
        return False
    from wagtail_localize.models import TranslationSource

    context = override.context
    # The translatable object knows only the base model (Page); its sources know the page type.
    content_type_id = (
        TranslationSource.objects.filter(object_id=context.object_id)
        .values_list("specific_content_type", flat=True)
        .first()
    )
    model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
    return in_page_content(model, context.path)


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
