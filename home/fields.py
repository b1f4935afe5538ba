"""Field declarations that many models share, written once (as `home.blocks.body_field()` is for bodies), and
the themes' panel that goes with `themes_field`.

Each returns a new field, so a model declares `cover_image = optional_link("wagtailimages.Image", _("omslag"),
_("..."))` and keeps its own label and guidance for editors; migrations see the same field as before. Importable
while models load: nothing here imports a model at module level.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel

Text = str | Promise


def optional_link(to: str | type[models.Model], verbose_name: Text, help_text: Text = "", *, related_name: str = "+"):
    """An optional reference to a page, image, document or user that is emptied, not deleted, when its target is
    deleted (SET_NULL): a removed photo must never take a news item with it."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )


ALT_HELP = _(
    "Beschrijf de afbeelding voor wie hem niet kan zien. Leeg gelaten wordt het de beschrijving van de afbeelding "
    "(die je bij het uploaden gaf); vul alleen in als deze pagina iets anders nodig heeft."
)


def alt_or_description(image, alt: str) -> str:
    """The page's alternative text for `image`: what the editor typed, else the image's own description
    (Wagtail 8's image description, asked once at upload), so an editor does not describe the same photo twice."""
    return alt.strip() or (getattr(image, "description", "") or "").strip() if image else alt


def alt_text_field(verbose_name: Text, help_text: Text) -> models.CharField:
    """The alternative text of an image on this page (250 characters: a sentence, not an essay)."""
    return models.CharField(verbose_name, max_length=250, blank=True, help_text=help_text)


def themes_field(help_text: Text) -> ParentalManyToManyField:
    """The themes a page belongs to (synchronised between translations: one set to filter by)."""
    return ParentalManyToManyField("home.Theme", verbose_name=_("thema's"), blank=True, help_text=help_text)


class ThemeCheckboxes(forms.CheckboxSelectMultiple):
    """One checkbox per theme, named in the editor's language.

    Themes are translatable snippets, so every theme exists once per language and Wagtail listed each of them
    (Dutch and English). Pages filter by the theme's slug, which all translations share: the checkboxes are the
    source-language themes, labelled with the translation in the admin's language where there is one; a page
    that links a translated row keeps it ticked (it is saved as the source row, same slug)."""

    def optgroups(self, name, value, attrs=None):
        from wagtail.models import Locale

        from home.models import Theme

        themes = list(Theme.objects.select_related("locale"))
        default = Locale.get_default()
        chosen = {str(pk) for pk in value}
        chosen_keys = {theme.translation_key for theme in themes if str(theme.pk) in chosen}
        names = {theme.translation_key: theme.name for theme in themes if theme.locale.language_code == get_language()}
        sources = [theme for theme in themes if theme.locale_id == default.pk]
        self.choices = [(theme.pk, names.get(theme.translation_key, theme.name)) for theme in sources]
        value = [str(theme.pk) for theme in sources if theme.translation_key in chosen_keys]
        return super().optgroups(name, value, attrs)


def themes_panel() -> FieldPanel:
    """The themes of a page or event, as checkboxes (see ThemeCheckboxes)."""
    return FieldPanel("themes", widget=ThemeCheckboxes)
