"""Publications: the overview page, the publication page and the links between publications."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.fields import optional_link, themes_field, themes_panel
from home.mixins import IndexPage, SharePreviewMixin
from research.blocks import PublicationStreamBlock, section_anchor
from research.choices import PUBLICATION_LANGUAGES, PublicationType
from research.citations.downloads import citation_response
from research.citations.page import page_citations
from research.feeds import PublicationFeed
from research.identifiers import normalise_doi, validate_doi
from research.models.funders import Funder, FunderSerializer, localize_funders, prefetch_logo_renditions
from research.pdf import count_pdf_pages, pdf_fingerprint


class PublicationIndexPage(RoutablePageMixin, IndexPage):
    """The overview of all publications, with filters, search and an RSS feed."""

    # Filters and pages are cached (caching/page_cache.py); a search (`q`) is personal and never is.
    cache_query_params = ("thema", "soort", "jaar", "auteur", "project", "sort", "page")

    content_panels = IndexPage.overview_panels(
        _("Een paar zinnen boven de lijst: wat voor onderzoek LOS doet en publiceert.")
    )
    subpage_types = ["research.PublicationPage"]

    class Meta:
        verbose_name = _("publicatie-overzicht")
        verbose_name_plural = _("publicatie-overzichten")

    def get_context(self, request, *args, **kwargs):
        # The listing queries the models of this module, so it is imported when an overview is rendered.
        from research.listing import publication_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(publication_listing(self, request))
        return context

    def publications(self) -> PageQuerySet:
        """The live, public publications under this overview, in no particular order."""
        return PublicationPage.objects.live().public().child_of(self)

    @path("feed/", name="feed")
    def feed(self, request):
        return PublicationFeed(self)(request)


class PublicationPage(SharePreviewMixin, RoutablePageMixin, Page):
    """A report, article, annual report or other publication, with its PDF, authors, funders and citations."""

    publication_type = models.CharField(
        _("soort publicatie"),
        max_length=30,
        choices=PublicationType.choices,
        default=PublicationType.REPORT,
        help_text=_("Bepaalt onder meer hoe de publicatie wordt geciteerd."),
    )
    publication_date = models.DateField(
        _("datum van verschijnen"), help_text=_("De datum op de publicatie zelf, niet de datum van deze pagina.")
    )
    summary = models.TextField(
        _("samenvatting"),
        max_length=1500,
        help_text=_("Waar gaat de publicatie over en wat zijn de belangrijkste conclusies? Staat ook in overzichten."),
    )
    body = StreamField(
        PublicationStreamBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Gebruik hoofdstukken: hun titels vormen samen de inhoudsopgave bovenaan de pagina."),
    )
    themes = themes_field(
        _("Bij welke thema's hoort de publicatie?"),
    )
    related_project = optional_link(
        "wagtailcore.Page",
        _("project"),
        _("Het project waarin de publicatie is gemaakt, als er een pagina voor is."),
    )
    pdf = optional_link(
        "wagtaildocs.Document",
        _("PDF"),
        _("De publicatie als PDF. Bezoekers zien de bestandsgrootte en het aantal pagina's."),
    )
    pdf_page_count = models.PositiveIntegerField(_("aantal pagina's van de PDF"), null=True, blank=True, editable=False)
    # The file hash the page count was read from: a replaced PDF file gets counted again on the next save.
    pdf_page_count_hash = models.CharField(max_length=40, blank=True, editable=False)
    cover_image = optional_link(
        "wagtailimages.Image",
        _("omslag"),
        _("Een afbeelding van de voorkant. Staat naast de titel, dus heeft geen eigen beschrijving nodig."),
    )
    journal = models.CharField(
        _("tijdschrift"), max_length=200, blank=True, help_text=_("Alleen bij artikelen: de naam van het tijdschrift.")
    )
    volume = models.CharField(
        _("jaargang"), max_length=20, blank=True, help_text=_("Alleen bij een tijdschriftartikel, bijvoorbeeld '12'.")
    )
    issue = models.CharField(
        _("nummer"),
        max_length=20,
        blank=True,
        help_text=_("Alleen bij een tijdschriftartikel: het nummer binnen de jaargang."),
    )
    pages = models.CharField(_("pagina's"), max_length=30, blank=True, help_text=_("Bijvoorbeeld 112-129."))
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("De DOI van de publicatie, als die er is, bijvoorbeeld 10.5553/AA/0165.2025.001."),
    )
    external_url = models.URLField(
        _("extern adres"),
        blank=True,
        help_text=_("Waar de publicatie elders staat, bijvoorbeeld op de website van het tijdschrift."),
    )
    language = models.CharField(
        _("taal van de publicatie"),
        max_length=5,
        choices=PUBLICATION_LANGUAGES,
        default="nl",
        help_text=_("In welke taal is de publicatie zelf geschreven?"),
    )
    funders = ParentalManyToManyField(
        "research.Funder",
        verbose_name=_("fondsen"),
        blank=True,
        related_name="publications",
        help_text=_("Fondsen die deze publicatie mogelijk maakten. Hun logo en verplichte vermelding komen erbij."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_date"), FieldPanel("language")]),
        FieldPanel("summary"),
        InlinePanel(
            "authors",
            label=_("auteur"),
            heading=_("Auteurs"),
            help_text=_("In de volgorde van de publicatie. Sleep om de volgorde te veranderen."),
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("pdf"), FieldPanel("cover_image")], heading=_("PDF en omslag")),
        MultiFieldPanel(
            [
                HelpPanel(content=_("Alleen voor artikelen in een tijdschrift.")),
                FieldPanel("journal"),
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
            ],
            heading=_("Tijdschrift"),
            classname="collapsed",
        ),
        MultiFieldPanel([FieldPanel("doi"), FieldPanel("external_url")], heading=_("Vindplaats")),
        MultiFieldPanel(
            [
                themes_panel(),
                PageChooserPanel("related_project"),
                FieldPanel("funders", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Thema's, project en fondsen"),
        ),
        InlinePanel("advisory_members", label=_("lid van de klankbordgroep"), heading=_("Klankbordgroep")),
        InlinePanel("related_publications", label=_("verwante publicatie"), heading=_("Verwante publicaties")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("pdf_text"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
    ]

    def pdf_text(self) -> str:
        """The text of the PDF, extracted by the search app when the document was saved (for the search index)."""
        if not self.pdf_id:
            return ""
        try:
            return self.pdf.search_text.text
        except ObjectDoesNotExist:
            return ""

    api_fields = [
        APIField("publication_type"),
        APIField("publication_date"),
        APIField("summary"),
        APIField("body"),
        APIField("authors"),
        APIField("themes"),
        APIField("related_project"),
        APIField("pdf"),
        APIField("pdf_page_count"),
        APIField("cover_image"),
        APIField("journal"),
        APIField("volume"),
        APIField("issue"),
        APIField("pages"),
        APIField("doi"),
        APIField("external_url"),
        APIField("language"),
        APIField("funders", serializer=FunderSerializer(many=True, read_only=True)),
        APIField("advisory_members"),
        APIField("related_publications"),
        APIField("citation_formats"),
    ]
    # The facts of the publication itself are the same in every language; the texts about it are translated.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "publication_type",
            "publication_date",
            "journal",
            "volume",
            "issue",
            "pages",
            "doi",
            "external_url",
            "language",
            "themes",
            "funders",
            "pdf",
            "cover_image",
        )
    ]

    parent_page_types = ["research.PublicationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")

    def __str__(self) -> str:
        return self.title

    # Validation and the cached PDF page count ------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        self.doi = normalise_doi(self.doi)
        if self.publication_type != PublicationType.ARTICLE and (self.volume or self.issue) and not self.journal:
            raise ValidationError({"journal": _("Vul het tijdschrift in als je een jaargang of nummer invult.")})

    def save(self, *args, **kwargs):
        if self.refresh_pdf_page_count() and kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "pdf_page_count", "pdf_page_count_hash"}
        return super().save(*args, **kwargs)

    def refresh_pdf_page_count(self) -> bool:
        """Read the number of pages of the chosen PDF once (not per request); True if the cached value changed."""
        if not self.pdf_id:
            changed = self.pdf_page_count is not None or self.pdf_page_count_hash != ""
            self.pdf_page_count, self.pdf_page_count_hash = None, ""
            return changed
        document = self.pdf
        file_hash = pdf_fingerprint(document)
        if file_hash == self.pdf_page_count_hash and self.pdf_page_count is not None:
            return False
        self.pdf_page_count = count_pdf_pages(document)
        self.pdf_page_count_hash = file_hash
        return True

    # What templates, citations and the API use ----------------------------------------------------------

    @property
    def is_article(self) -> bool:
        return self.publication_type == PublicationType.ARTICLE

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    def table_of_contents(self) -> list[tuple[str, str]]:
        """(anchor, chapter title) for every chapter, in order."""
        return [
            (section_anchor(number, block.value["title"]), block.value["title"])
            for number, block in enumerate((b for b in self.body if b.block_type == "section"), start=1)
        ]

    def body_with_anchors(self) -> list[tuple[object, str]]:
        """Every body block with its chapter anchor ('' for blocks that are not chapters)."""
        items, number = [], 0
        for block in self.body:
            if block.block_type == "section":
                number += 1
                items.append((block, section_anchor(number, block.value["title"])))
            else:
                items.append((block, ""))
        return items

    def localized_funders(self) -> list[Funder]:
        """The funders of this publication, in the language of this page where a translation exists, by name."""
        funders = localize_funders(list(self.funders.select_related("logo")), self.locale_id)
        return sorted(funders, key=lambda funder: funder.name.lower())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = list(self.authors.all())
        context["funders"] = self.localized_funders()
        prefetch_logo_renditions(context["funders"])
        context["toc"] = self.table_of_contents()
        context["body_items"] = self.body_with_anchors()
        context.update(page_citations(self, request, authors=context["authors"], funders=context["funders"]))
        context["related"] = [
            link.publication
            for link in self.related_publications.select_related("publication")
            if link.publication and link.publication.live
        ]
        return context

    # Citation downloads (Wagtail page URLs cannot contain dots, so the file names sit in Content-Disposition).

    @property
    def citation_formats(self) -> dict[str, str]:
        """For the API: where this publication's citation can be downloaded, per format."""
        base = self.full_url or ""
        return {name: f"{base}cite/{name}/" for name in ("bibtex", "ris", "csl-json")} if base else {}

    @path("cite/bibtex/", name="cite_bibtex")
    def cite_bibtex(self, request):
        return citation_response(self, request, "bibtex")

    @path("cite/ris/", name="cite_ris")
    def cite_ris(self, request):
        return citation_response(self, request, "ris")

    @path("cite/csl-json/", name="cite_csl_json")
    def cite_csl_json(self, request):
        return citation_response(self, request, "csl-json")


class RelatedPublication(Orderable):
    """A link from one publication to another that readers may also want."""

    page = ParentalKey(PublicationPage, related_name="related_publications", on_delete=models.CASCADE)
    publication = models.ForeignKey(
        PublicationPage,
        verbose_name=_("publicatie"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Kies een andere publicatie."),
    )

    panels = [PageChooserPanel("publication", "research.PublicationPage")]
    api_fields = [APIField("publication")]

    class Meta(Orderable.Meta):
        verbose_name = _("verwante publicatie")
        verbose_name_plural = _("verwante publicaties")
