"""Field declarations that many models share, written once (as `home.blocks.body_field()` is for bodies).

Each returns a new field, so a model declares `cover_image = optional_link("wagtailimages.Image", _("omslag"),
_("..."))` and keeps its own label and guidance for editors; migrations see the same field as before.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

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
