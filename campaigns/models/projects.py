"""LOS's standing projects (Meldpunt Vreemdelingendetentie, Breed Medisch Overleg, ...)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns import related
from home.blocks import RICH_TEXT_FEATURES, body_field
from home.fields import themes_field, themes_panel
from home.mixins import HeroImageMixin, IndexPage, IntroMixin, SharePreviewMixin


class ProjectIndexPage(IndexPage):
    """The list of LOS's projects (/projecten/)."""

    content_panels = IndexPage.overview_panels(_("Een korte uitleg boven de lijst met projecten."))
    subpage_types = ["campaigns.ProjectPage"]

    class Meta:
        verbose_name = _("projectenoverzicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = self.live_children(ProjectPage)
        return context


class ProjectPage(IntroMixin, HeroImageMixin, SharePreviewMixin, Page):
    """One project: what it does, its partners, how to reach it (and its hotline), and related items."""

    body = body_field()
    partners = RichTextField(
        _("partners"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Met wie LOS dit project uitvoert, bijvoorbeeld als lijstje met links."),
    )
    hotline_phone = models.CharField(
        _("telefoonnummer meldlijn"),
        max_length=30,
        blank=True,
        help_text=_("Een (gratis) nummer waar mensen kunnen melden of advies vragen, zoals 0800 ..."),
    )
    hotline_hours = models.CharField(
        _("bereikbaarheid meldlijn"), max_length=120, blank=True, help_text=_("Bijvoorbeeld 'werkdagen 10-16 uur'.")
    )
    how_to_report = RichTextField(
        _("hoe melden werkt"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Stap voor stap: hoe meldt iemand iets, en wat gebeurt er daarna met de melding?"),
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True, help_text=_("Het adres van het project."))
    contact_phone = models.CharField(_("telefoon"), max_length=30, blank=True, help_text=_("Voor algemene vragen."))
    themes = themes_field(
        _("Nieuws, activiteiten en publicaties met dezelfde thema's verschijnen automatisch op de pagina."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", help_text=_("Waar gaat het project over? Eén of twee zinnen.")),
        HeroImageMixin.hero_panel(
            _("Afbeelding"), image_help=_("Optioneel. Staat boven de pagina en in het overzicht.")
        ),
        FieldPanel("body"),
        FieldPanel("partners"),
        MultiFieldPanel(
            [FieldPanel("hotline_phone"), FieldPanel("hotline_hours"), FieldPanel("how_to_report")],
            heading=_("Meldlijn"),
        ),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")),
        themes_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("partners"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("hero_image"),
        APIField("hero_image_alt"),
        APIField("body"),
        APIField("partners"),
        APIField("hotline_phone"),
        APIField("hotline_hours"),
        APIField("how_to_report"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("themes"),
    ]
    override_translatable_fields = [
        SynchronizedField("hotline_phone"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("themes"),
    ]

    parent_page_types = ["campaigns.ProjectIndexPage"]
    subpage_types = ["campaigns.SignupFormPage"]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projecten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = related.related_items(self, request)
        return context
