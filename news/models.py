"""News: the news index at /nieuws/ and news items (LOS news, reactions, press releases, media, case law, policy)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from figures.blocks import FiguresChartBlock
from home.blocks import BaseStreamBlock, body_field
from home.fields import ALT_HELP, alt_or_description, alt_text_field, optional_link, themes_panel
from home.mixins import IndexPage, SharePreviewMixin
from meldpunt.blocks import MeldpuntChartBlock


class NewsKind(models.TextChoices):
    """The kinds of news item; the values appear in filter addresses and the API."""

    LOS_NEWS = "los-nieuws", _("LOS-nieuws")
    REACTION = "reactie", _("Reactie van LOS")
    PRESS_RELEASE = "persbericht", _("Persbericht")
    MEDIA = "media", _("Nieuws uit de media")
    CASE_LAW = "jurisprudentie", _("Jurisprudentie")
    POLICY = "beleid", _("Beleid")


class NewsIndexPage(RoutablePageMixin, IndexPage):
    """The news overview at /nieuws/: filters, pagination and the RSS and Atom feeds."""

    # The query parameters it reads (news/listing.py): the page cache keys on these (caching/page_cache.py).
    cache_query_params = ("theme", "kind", "year", "tag", "page")

    content_panels = IndexPage.overview_panels(_("Een korte tekst boven het nieuwsoverzicht."))
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")
        verbose_name_plural = _("nieuwsoverzichten")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from news.listing import build_listing

        context = self.get_context(request)
        context.update(build_listing(self, request))
        return TemplateResponse(request, self.get_template(request), context)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("feed/<slug:theme>/rss/", name="theme_feed_rss")
    def theme_feed_rss(self, request: HttpRequest, theme: str) -> HttpResponse:
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self, theme_slug=theme)(request)

    @path("feed/<slug:theme>/atom/", name="theme_feed_atom")
    def theme_feed_atom(self, request: HttpRequest, theme: str) -> HttpResponse:
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self, theme_slug=theme)(request)

    def news_items(self):
        """Live, public news items of this index, newest first, without their bodies."""
        return NewsPage.objects.live().public().child_of(self).defer_streamfields().order_by("-publication_date", "-pk")


class NewsPageTag(TaggedItemBase):
    """A free tag on a news item."""

    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsStreamBlock(BaseStreamBlock):
    """The body of a news item: the shared blocks and a chart of the shelter figures or of the Meldpunt (a news
    reaction)."""

    figures_chart = FiguresChartBlock()
    meldpunt_chart = MeldpuntChartBlock()


class NewsPage(SharePreviewMixin, RoutablePageMixin, Page):
    """A news item: LOS news, a reaction, a press release, a media item, case law or a policy update."""

    publication_date = models.DateTimeField(
        _("publicatiedatum"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Laat leeg: dan wordt het de datum waarop het bericht voor het eerst gepubliceerd wordt. "
            "Vul alleen in om een eerdere datum te tonen, bijvoorbeeld bij een oud persbericht."
        ),
    )
    kind = models.CharField(
        _("soort bericht"),
        max_length=20,
        choices=NewsKind.choices,
        default=NewsKind.LOS_NEWS,
        db_index=True,
        help_text=_("Bezoekers kunnen op soort filteren. Kies 'Nieuws uit de media' voor een artikel van elders."),
    )
    intro = models.TextField(
        _("samenvatting"),
        max_length=300,
        help_text=_(
            "Eén of twee zinnen, zonder opmaak. Staat in overzichten, in de feed en als tekst bij het delen "
            "op sociale media. Maximaal 300 tekens."
        ),
    )
    body = body_field(
        NewsStreamBlock(), help_text=_("De tekst van het bericht. Mag leeg blijven bij een kort mediabericht.")
    )
    themes = ParentalManyToManyField(
        "home.Theme",
        verbose_name=_("thema's"),
        blank=True,
        related_name="news_pages",
        help_text=_("Bij welke thema's hoort dit bericht? Bezoekers kunnen op thema filteren."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        verbose_name=_("trefwoorden"),
        blank=True,
        help_text=_("Vrije trefwoorden, bijvoorbeeld 'Meldpunt' of 'LVV'. Gebruik bestaande woorden waar het kan."),
    )
    source_url = models.URLField(
        _("adres van de bron"),
        max_length=500,
        blank=True,
        help_text=_("Bij nieuws uit de media of een reactie: het adres van het oorspronkelijke artikel."),
    )
    source_name = models.CharField(
        _("naam van de bron"),
        max_length=120,
        blank=True,
        help_text=_("De krant, omroep of website, bijvoorbeeld 'NOS' of 'Trouw'."),
    )
    listing_image = optional_link(
        "wagtailimages.Image",
        _("afbeelding"),
        _(
            "Optioneel. Staat in overzichten en bij het delen. Zonder afbeelding maakt de website zelf "
            "een deelafbeelding met de titel."
        ),
    )
    listing_image_alt = alt_text_field(
        _("alternatieve tekst afbeelding"),
        _("Beschrijf de afbeelding voor wie hem niet kan zien. Verplicht als je een afbeelding kiest."),
    )
    related_page = optional_link(
        "wagtailcore.Page",
        _("bijbehorend project of campagne"),
        _("Optioneel. Het project of de campagne waar dit bericht over gaat; bezoekers zien een link."),
    )
    featured = models.BooleanField(
        _("uitgelicht"),
        default=False,
        help_text=_("Uitgelichte berichten staan bovenaan op de homepagina. Houd het bij één tot drie."),
    )
    show_on_microsite = models.BooleanField(
        _("ook op iLegalevrouw"),
        default=False,
        help_text=_("Toon dit bericht ook op de microsite iLegalevrouw."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("publication_date"), FieldPanel("source_url"), FieldPanel("source_name")],
            heading=_("Soort, datum en bron"),
        ),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_image_alt", help_text=ALT_HELP)],
            heading=_("Afbeelding"),
        ),
        MultiFieldPanel(
            [
                themes_panel(),
                FieldPanel("tags"),
                PageChooserPanel("related_page"),
                FieldPanel("featured"),
                FieldPanel("show_on_microsite"),
            ],
            heading=_("Thema's, trefwoorden en plaatsing"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("featured"),
    ]
    api_fields = [
        APIField("publication_date"),
        APIField("kind"),
        APIField("kind_label"),
        APIField("intro"),
        APIField("body"),
        APIField("theme_list"),
        APIField("tag_list"),
        APIField("source_url"),
        APIField("source_name"),
        APIField("listing_image"),
        APIField("listing_image_alt"),
        APIField("related_page"),
        APIField("featured"),
        APIField("show_on_microsite"),
    ]
    # Query parameters of /api/v2/pages/?type=news.NewsPage beyond Wagtail's own (see cms/api_filters.py).
    api_filters = {
        "theme": ("themes__slug", "slug"),
        "date_from": ("publication_date__date__gte", "date"),
        "date_to": ("publication_date__date__lte", "date"),
    }
    override_translatable_fields = [
        SynchronizedField("publication_date"),
        SynchronizedField("kind"),
        SynchronizedField("themes"),
        SynchronizedField("source_url"),
        SynchronizedField("source_name"),
        SynchronizedField("listing_image"),
        SynchronizedField("related_page"),
        SynchronizedField("featured"),
        SynchronizedField("show_on_microsite"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    def clean(self) -> None:
        super().clean()
        errors = {}
        self.listing_image_alt = alt_or_description(self.listing_image, self.listing_image_alt)
        if self.listing_image_id and not self.listing_image_alt:
            errors["listing_image_alt"] = _("Beschrijf de afbeelding voor wie hem niet kan zien.")
        if self.kind == NewsKind.MEDIA and not self.source_url:
            errors["source_url"] = _("Nieuws uit de media heeft een adres van de bron nodig.")
        if self.source_url and not self.source_name.strip():
            errors["source_name"] = _("Geef de naam van de bron, bijvoorbeeld 'NOS'.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # "Defaults to first publish": Wagtail sets first_published_at just before saving a page it publishes.
        if self.publication_date is None and self.live:
            self.publication_date = self.first_published_at or timezone.now()
        super().save(*args, **kwargs)

    # Values for templates, feeds and the API ------------------------------------------------------------

    @property
    def kind_label(self) -> str:
        return str(self.get_kind_display())

    @property
    def display_date(self) -> datetime.datetime | None:
        return self.publication_date or self.first_published_at or self.latest_revision_created_at

    @property
    def theme_list(self) -> list[dict[str, str]]:
        return [{"slug": theme.slug, "name": theme.name} for theme in self.themes.all()]

    @property
    def tag_list(self) -> list[dict[str, str]]:
        return [{"slug": tag.slug, "name": tag.name} for tag in self.tags.all()]

    def get_context(self, request, *args, **kwargs):
        from news.sharing import share_context

        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):  # a preview shows the editor's unsaved themes
            prefetch_related_objects([self], "themes")  # shown twice (meta tags, footer): one query
        context.update(share_context(self, request))
        context["news_index"] = NewsIndexPage.objects.parent_of(self).first()
        related = self.related_page
        context["related_page"] = related if related is not None and related.live else None
        return context

    @path("")
    def article(self, request: HttpRequest) -> HttpResponse:
        return TemplateResponse(request, self.get_template(request), self.get_context(request))

    @path("deelafbeelding/", name="share_image")
    def share_image(self, request: HttpRequest) -> HttpResponse:
        """The generated 1200x630 share image (PNG), cached as a file, served from our own host."""
        from news.share_image import share_image_response

        if not self.live:
            raise Http404
        return share_image_response(self, request.GET.get("v", ""))

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        if mode_name == "social":
            from news.sharing import social_preview_context

            return TemplateResponse(
                request, "news/news_page_social_preview.html", social_preview_context(self, request)
            )
        return super().serve_preview(request, mode_name)
