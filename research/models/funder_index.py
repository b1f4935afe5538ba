"""The funders page: it thanks every funder and lists, by itself, the publications each one made possible."""

from __future__ import annotations

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField

from home.blocks import BaseStreamBlock
from home.mixins import IndexPage
from research.localizing import in_locale
from research.models.funders import Funder, localize_funders, prefetch_logo_renditions
from research.models.publications import PublicationPage


class FunderIndexPage(IndexPage):
    """The page that thanks every funder and lists, automatically, what each one made possible."""

    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("inhoud"),
        blank=True,
        help_text=_("Optioneel: tekst onder de lijst, bijvoorbeeld hoe fondsen LOS kunnen steunen."),
    )
    show_past_funders = models.BooleanField(
        _("ook eerdere fondsen tonen"),
        default=True,
        help_text=_("Toon ook fondsen waarvan de steun is afgelopen, in een aparte lijst."),
    )

    content_panels = IndexPage.overview_panels(
        _("Een paar zinnen boven de lijst. De fondsen zelf komen er vanzelf onder te staan."),
        HelpPanel(
            content=_(
                "De lijst met fondsen komt uit 'Fondsen' in het menu Fragmenten. Bij elk fonds staan de "
                "publicaties die het steunde (kies de fondsen op de pagina van de publicatie)."
            )
        ),
        FieldPanel("body"),
        FieldPanel("show_past_funders"),
    )
    api_fields = [*IndexPage.api_fields, APIField("body")]
    override_translatable_fields = [SynchronizedField("show_past_funders")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("fondsenpagina")
        verbose_name_plural = _("fondsenpagina's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current, past = self.funders_with_publications()
        context["current_funders"] = current
        context["past_funders"] = past if self.show_past_funders else []
        return context

    def funders_with_publications(self) -> tuple[list[Funder], list[Funder]]:
        """(current, past) funders in this page's language, each with `.funded`: the live publications it made
        possible, newest first. A fixed number of queries however many funders and publications there are.

        Funders and the publications they are chosen on are read in the default language (that is where editors
        choose them), then swapped for their translations into this page's language where those exist.
        """
        today = timezone.localdate()
        default = Locale.get_default()
        live_publications = PublicationPage.objects.live().public().defer_streamfields()
        funders = list(
            Funder.objects.filter(locale=default)
            .select_related("logo")
            .prefetch_related(
                Prefetch(
                    "publications",
                    queryset=live_publications.filter(locale_id=default.pk).order_by("-publication_date"),
                    to_attr="funded_publications",
                )
            )
            .order_by("name")
        )
        publications = [publication for funder in funders for publication in funder.funded_publications]
        translated = {
            publication.translation_key: shown
            for publication, shown in zip(
                publications, in_locale(publications, self.locale_id, live_publications), strict=True
            )
        }
        current, past = [], []
        for funder, shown in zip(funders, localize_funders(funders, self.locale_id), strict=True):
            shown.funded = [translated[publication.translation_key] for publication in funder.funded_publications]
            (current if funder.is_active(today) else past).append(shown)
        prefetch_logo_renditions(current + past)
        return current, past
