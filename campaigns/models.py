"""Campaigns, projects and the iLegalevrouw microsite."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock


class MicrositeHomePage(Page):
    """The home page of the iLegalevrouw microsite (a site of its own, for undocumented women)."""

    intro = models.TextField(
        _("introductie"),
        max_length=400,
        blank=True,
        help_text=_(
            "Een warme, korte welkomsttekst. Schrijf eenvoudig: veel bezoeksters lezen Nederlands als tweede taal."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("homepagina microsite")
