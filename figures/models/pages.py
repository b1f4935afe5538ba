"""The public figures page (`/cijfers/`): charts, tables, downloads and data notes, all after disclosure control."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.mixins import IndexPage

# The query parameters this page reads (for caches and validation): the selected quarter only.
QUERY_PARAMETERS = ("kwartaal",)
DOWNLOAD_NAME = "opvangcijfers"  # the downloads are opvangcijfers-2025-3.csv and .json


class FiguresPage(RoutablePageMixin, IndexPage):
    """The national shelter figures: per quarter and per year, breakdowns, regions, downloads (CSV, JSON)."""

    cache_query_params = QUERY_PARAMETERS  # the quarter shown: the page cache keys on it (caching/page_cache.py)

    notes = RichTextField(
        _("toelichting bij de cijfers"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "Definities en kanttekeningen, onder de cijfers. Welke opvangen meededen en de regels voor kleine "
            "aantallen staan er automatisch bij."
        ),
    )

    content_panels = [
        *IndexPage.content_panels,
        FieldPanel("notes"),
    ]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("cijferpagina opvang")

    # The figures modules import the models; imported when a request needs them, not with the models package.

    def _figures(self, request: HttpRequest):
        from figures.statistics import public_figures
        from public_numbers.tables import Period

        return public_figures(Period.parse(request.GET.get("kwartaal")))

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        from public_numbers.presentation import charts_for

        figures = self._figures(request)
        context = self.get_context(request)
        context.update({"figures": figures, "charts": charts_for(figures)})
        return TemplateResponse(request, self.get_template(request), context)

    @path("csv/", name="csv")
    def csv_route(self, request: HttpRequest) -> HttpResponse:
        from public_numbers.downloads import csv_response

        return csv_response(self._figures(request), DOWNLOAD_NAME)

    @path("json/", name="json")
    def json_route(self, request: HttpRequest) -> HttpResponse:
        from public_numbers.downloads import json_response

        return json_response(self._figures(request), DOWNLOAD_NAME)
