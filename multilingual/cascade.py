"""Translations follow their source: deleting or moving a Dutch page does the same for its translations, and
deleting a translatable snippet in Dutch (a theme, site texts, an event) deletes its translations. Without this
an English copy of a deleted news item stayed live and listed, and the English copy of a deleted theme was still
offered as a filter that found nothing.

Pages use Wagtail's own mechanism, the `construct_translated_pages_to_cascade_actions` hook (the one
`wagtail.contrib.simple_translation` offers behind a setting; we translate with wagtail-localize): the delete and
move confirmation pages then say how many translations go along. Only a source page takes its translations along;
deleting a translation never touches its source. Unpublishing is offered (ticked by default) by our own unpublish
view, `admin_views.UnpublishWithTranslationsView`, because this hook gets no request to make it a choice.

Wagtail's bulk actions of the page listing ask no such hook: deleting, moving or unpublishing Dutch pages there
left their translations behind (the English copies of deleted or unpublished news items stayed live and listed).
`plan_bulk_translations` and `follow_bulk_action` (before and after a bulk action) do for each selected page what
the single views do; bulk unpublishing offers no choice, so it does what the single view does by default (the
box is ticked): the live translations the editor may unpublish go offline too.
"""

from __future__ import annotations

from django.db import models
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Locale, Page, TranslatableMixin


def translated_pages_to_cascade(pages: list[Page], action: str) -> dict[Page, models.QuerySet]:
    """For each page in the default (source) language, its translations the `action` should follow to."""
    if action not in ("delete", "move"):
        return {}
    source = Locale.get_default()
    return {page: Page.objects.translation_of(page, inclusive=False) for page in pages if page.locale_id == source.pk}


def plan_bulk_translations(request, action_type: str, objects: list, action) -> None:
    """before_bulk_action: for a bulk delete or move of pages, the translations that follow each selected source
    page: those under a translation of its parent, as Wagtail's single delete and move views choose them; for a
    bulk unpublish its live translations the editor may unpublish, as the single unpublish view offers them. Kept
    on the action for `follow_bulk_action` (after the action, the pages are gone, moved or offline)."""
    if action_type not in ("delete", "move", "unpublish") or not issubclass(action.model, Page):
        return
    if action_type == "unpublish":
        action._los_translations_to_follow = [
            translation.pk
            for page in objects
            if page.locale_id == Locale.get_default().pk
            for translation in page.get_translations().live().filter(alias_of__isnull=True).specific()
            if translation.permissions_for_user(request.user).can_unpublish()
        ]
        return
    plan = []
    for page, translations in translated_pages_to_cascade(list(objects), action_type).items():
        parent_translations = set(page.get_parent().get_translations().values_list("pk", flat=True))
        plan.extend(t.pk for t in translations if t.get_parent().pk in parent_translations)
    action._los_translations_to_follow = plan


def follow_bulk_action(request, action_type: str, objects: list, action) -> None:
    """after_bulk_action: the planned translations deleted, or moved under the destination's translation into
    their language (where it exists, the editor may move there and the slug is free), as the single views do."""
    pks = getattr(action, "_los_translations_to_follow", None)
    if not pks:
        return
    translations = Page.objects.filter(pk__in=pks).specific()  # one selected with its source is gone already
    if action_type == "unpublish":
        for translation in translations.live():  # one selected with its source is offline already
            translation.unpublish(user=request.user)
        return
    if action_type == "delete":
        for translation in translations:
            # Like Wagtail's delete view: whoever may delete the source deletes its translations with it.
            DeletePageAction(translation, user=request.user).execute(skip_permission_checks=True)
        return
    destination = action.cleaned_form.cleaned_data["chooser"]
    for translation in translations:
        target = destination.get_translation_or_none(translation.locale)
        if (
            target is not None
            and translation.permissions_for_user(request.user).can_move_to(target)
            and Page._slug_is_available(translation.slug, target, page=translation)
        ):
            MovePageAction(translation, target, pos="last-child", user=request.user).execute()


def delete_snippet_translations(sender, instance, **kwargs) -> None:
    """post_delete: a translatable non-page object in the source language takes its translations along (through
    the ORM, so their own clean-up runs)."""
    if not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    type(instance)._default_manager.filter(translation_key=instance.translation_key).exclude(pk=instance.pk).delete()
