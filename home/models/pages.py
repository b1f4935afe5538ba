"""The site shell's pages: the home page of a site and the content (about, helpdesk) pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import body_field
from home.fields import themes_field, themes_panel
from home.mixins import HeroImageMixin, IntroMixin, SharePreviewMixin
from home.models.themes import Theme


class HomePage(IntroMixin, HeroImageMixin, Page):
    """The front page of a site: a welcome, the themes, and blocks the editors choose."""

    body = body_field(help_text=_("Blokken onder de introductie, zoals een oproep of veelgestelde vragen."))

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "intro",
            help_text=_("De eerste zinnen die bezoekers lezen: wie LOS is en wat het doet. Maximaal 400 tekens."),
        ),
        HeroImageMixin.hero_panel(image_help=_("Optioneel. Een rustige foto; de tekst staat er niet overheen.")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("hero_image"), APIField("hero_image_alt"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "news.NewsIndexPage",
        "research.PublicationIndexPage",
        "research.FunderIndexPage",
        "events.EventIndexPage",
        "campaigns.CampaignIndexPage",
        "campaigns.ProjectIndexPage",
        "figures.FiguresPage",
        "newsletter.NewsletterPage",
        "newsletter.SupportPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("homepagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.filter(locale_id=self.locale_id)
        return context


class ContentPage(IntroMixin, SharePreviewMixin, Page):
    """An about or helpdesk page: an intro, a body of blocks and the date its content was last checked."""

    body = body_field()
    last_checked = models.DateField(
        _("laatst gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer is gecontroleerd dat deze informatie nog klopt? Bezoekers zien deze datum. "
            "Vooral belangrijk bij helpdeskpagina's over regels en procedures."
        ),
    )
    themes = themes_field(
        _("Bij welke thema's hoort deze pagina?"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", help_text=_("Waar gaat deze pagina over? Wordt ook gebruikt in overzichten en bij delen.")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(content=_("Controleer helpdeskpagina's minstens één keer per half jaar.")),
                FieldPanel("last_checked"),
                themes_panel(),
            ],
            heading=_("Controle en thema's"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body"), APIField("last_checked"), APIField("themes")]
    override_translatable_fields = [SynchronizedField("last_checked"), SynchronizedField("themes")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage", "research.FunderIndexPage"]

    class Meta:
        verbose_name = _("inhoudspagina")
        verbose_name_plural = _("inhoudspagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().defer_streamfields()
        return context
