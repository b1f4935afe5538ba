"""Campaign pages: a themed page with a hero, campaign blocks, dates, related items and share links."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns import related
from campaigns.blocks import CampaignStreamBlock
from campaigns.models.appearance import PALETTE_CHOICES
from campaigns.panels import SignupFormsPanel
from home.blocks import body_field
from home.fields import themes_field, themes_panel
from home.mixins import HeroImageMixin, IndexPage, SharePreviewMixin


class CampaignIndexPage(IndexPage):
    """The list of campaigns (/campagnes/): running ones first, then ended ones."""

    content_panels = IndexPage.overview_panels(_("Een korte uitleg boven de lijst met campagnes."))
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campagneoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = list(self.live_children(CampaignPage).order_by("-start_date", "title"))
        today = timezone.localdate()
        context["running"] = [c for c in campaigns if not c.end_date or c.end_date >= today]
        context["ended"] = [c for c in campaigns if c.end_date and c.end_date < today]
        return context


class CampaignPage(HeroImageMixin, SharePreviewMixin, Page):
    """A campaign: hero, campaign colour, blocks (key figures, timeline, partners, sign-up form), dates."""

    tagline = models.CharField(
        _("slogan"),
        max_length=160,
        blank=True,
        help_text=_("Eén krachtige zin onder de titel, bijvoorbeeld 'Hulp bieden is geen misdaad'."),
    )
    colour = models.CharField(
        _("campagnekleur"),
        max_length=20,
        choices=PALETTE_CHOICES,
        default="rood",
        help_text=_("De kleur van de kop en de knoppen. Alle keuzes zijn goed leesbaar."),
    )
    intro = models.TextField(
        _("introductie"),
        max_length=600,
        blank=True,
        help_text=_("Waar gaat de campagne over en wat vraag je van bezoekers?"),
    )
    body = body_field(CampaignStreamBlock())
    start_date = models.DateField(_("startdatum"), null=True, blank=True, help_text=_("Wanneer begon de campagne?"))
    end_date = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Laat leeg als de campagne doorloopt.")
    )
    themes = themes_field(
        _("Nieuws en activiteiten met dezelfde thema's verschijnen automatisch op de pagina."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("tagline"),
        HeroImageMixin.hero_panel(image_help=_("Een krachtig beeld voor bovenaan de pagina en bij het delen.")),
        FieldPanel("colour"),
        FieldPanel("intro"),
        FieldPanel("body"),
        SignupFormsPanel(heading=_("Aanmeldformulieren")),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Looptijd")),
        themes_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("tagline"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("tagline"),
        APIField("hero_image"),
        APIField("hero_image_alt"),
        APIField("colour"),
        APIField("intro"),
        APIField("body"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("themes"),
        APIField("signup_forms"),
    ]
    override_translatable_fields = [
        SynchronizedField("colour"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("themes"),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = ["campaigns.SignupFormPage"]

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")

    def clean(self) -> None:
        errors: dict = {}
        try:
            super().clean()  # the hero image's alternative text (HeroImageMixin)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("De einddatum ligt vóór de startdatum.")
        if errors:
            raise ValidationError(errors)

    @property
    def signup_forms(self) -> list[dict]:
        """For the API: the campaign's live public sign-up forms with their public count (null where the form
        shows no counter). Never who signed: the submissions are not in the API."""
        from campaigns.models.signups import SignupFormPage

        forms = SignupFormPage.objects.live().public().child_of(self).order_by("path")
        return [
            {"id": form.pk, "title": form.title, "kind": form.kind, "public_count": form.public_count} for form in forms
        ]

    @property
    def colour_class(self) -> str:
        return f"campaign-colour-{self.colour}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):  # a preview shows the editor's unsaved themes
            prefetch_related_objects([self], "themes")  # the template and every kind of related item read them
        context["related"] = related.related_items(self, request, kinds=("news", "events"))
        return context
