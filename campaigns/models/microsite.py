"""The iLegalevrouw microsite: its home page, content pages and the help finder."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from campaigns import related
from home.blocks import body_field
from home.mixins import IntroMixin
from security.query_params import clean_query

MICROSITE_CONTENT_TYPES = ["campaigns.MicrositePage", "campaigns.HelpFinderPage", "newsletter.NewsletterPage"]


class MicrositeHomePage(IntroMixin, Page):
    """The home page of the iLegalevrouw microsite (a site of its own, for undocumented women)."""

    body = body_field()
    show_news = models.BooleanField(
        _("nieuws tonen"),
        default=True,
        help_text=_("Toon de nieuwsberichten die voor de microsite zijn aangevinkt."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "intro",
            help_text=_(
                "Een warme, korte welkomsttekst. Schrijf eenvoudig: veel bezoeksters lezen Nederlands als tweede taal."
            ),
        ),
        FieldPanel("body"),
        FieldPanel("show_news"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = MICROSITE_CONTENT_TYPES
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("homepagina microsite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().in_menu().specific().defer_streamfields()
        context["news"] = related.microsite_news(request, locale_id=self.locale_id) if self.show_news else []
        return context


class MicrositePage(IntroMixin, Page):
    """A content page on the microsite (rights, domestic violence, safe browsing), with the shared blocks."""

    body = body_field()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", help_text=_("Waar gaat deze pagina over? Schrijf eenvoudig en kort.")),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["campaigns.MicrositeHomePage", "campaigns.MicrositePage"]
    subpage_types = MICROSITE_CONTENT_TYPES

    class Meta:
        verbose_name = _("microsite-pagina")
        verbose_name_plural = _("microsite-pagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().defer_streamfields()
        return context


class HelpLocation(TranslatableMixin, models.Model):
    """A place where women can get help: a shelter, Veilig Thuis, legal aid, a doctor, a support group."""

    class Kind(models.TextChoices):
        SHELTER = "shelter", _("Vrouwenopvang")
        VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
        LEGAL = "legal", _("Juridische hulp")
        MEDICAL = "medical", _("Medische zorg")
        SUPPORT = "support", _("Steungroep")

    name = models.CharField(_("naam"), max_length=150, help_text=_("Zoals de organisatie zichzelf noemt."))
    kind = models.CharField(
        _("soort hulp"), max_length=20, choices=Kind.choices, help_text=_("Waarop bezoeksters kunnen filteren.")
    )
    city = models.CharField(
        _("plaats"), max_length=80, help_text=_("Eén plaatsnaam; 'Landelijk' voor hulp in heel Nederland.")
    )
    address = models.CharField(
        _("adres"),
        max_length=200,
        blank=True,
        help_text=_("Alleen als het adres openbaar mag zijn. Geheime opvangadressen nooit invullen."),
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True, help_text=_("Zoals het ingetikt moet worden."))
    website = models.URLField(_("website"), blank=True, help_text=_("Het adres van de website van de organisatie."))
    description = models.TextField(
        _("omschrijving"),
        max_length=600,
        blank=True,
        help_text=_("Voor wie is de hulp, wat kost het, moet je een afspraak maken?"),
    )
    languages = models.CharField(
        _("talen"),
        max_length=200,
        blank=True,
        help_text=_("In welke talen kan de organisatie helpen? Bijvoorbeeld 'Nederlands, Engels, Arabisch'."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("city"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("description"),
        FieldPanel("languages"),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("city"),
        SynchronizedField("address"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("hulpadres")
        verbose_name_plural = _("hulpadressen")
        ordering = ["city", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class HelpFinderPage(IntroMixin, Page):
    """Find a place to get help, filtered by type and city with a plain form (no JavaScript)."""

    cache_query_params = ("soort", "plaats")  # its filters, keyed by the page cache (caching/page_cache.py)

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "intro", help_text=_("Een korte uitleg: wat vind je hier, en wat doe je in een noodgeval (bel 112)?")
        ),
    ]
    api_fields = [APIField("intro")]
    parent_page_types = ["campaigns.MicrositeHomePage", "campaigns.MicrositePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("hulpzoeker")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locations = HelpLocation.objects.filter(locale_id=self.locale_id)
        cities = sorted(set(locations.values_list("city", flat=True)))
        kinds = HelpLocation.Kind
        kind = clean_query(request.GET.get("soort"))
        city = clean_query(request.GET.get("plaats"))
        # Unknown values are ignored (and the filter shows "all"), never an error.
        kind = kind if kind in kinds.values else ""
        city = city if city in cities else ""
        if kind:
            locations = locations.filter(kind=kind)
        if city:
            locations = locations.filter(city=city)
        context.update(
            {
                "locations": locations,
                "kinds": kinds.choices,
                "cities": cities,
                "selected_kind": kind,
                "selected_city": city,
            }
        )
        return context
