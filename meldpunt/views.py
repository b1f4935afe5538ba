"""The Meldpunt's public numbers (`/meldpunt/cijfers/`, `/en/meldpunt/figures/`): charts with their tables, and
the same tables as CSV and JSON for researchers. Everything comes from `meldpunt.statistics.public_counts`, after
disclosure control; no report, description or contact detail is ever read here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from meldpunt.statistics import MeldpuntFigures, Year, public_counts
from public_numbers.downloads import csv_response, json_response
from public_numbers.presentation import charts_for

# The query parameter these addresses read: the year of the breakdowns.
YEAR_PARAMETER = "jaar"
DOWNLOAD_NAME = "meldpunt-cijfers"


def _counts(request: HttpRequest) -> MeldpuntFigures:
    return public_counts(Year.parse(request.GET.get(YEAR_PARAMETER)))


@require_GET
def figures_page(request: HttpRequest) -> HttpResponse:
    figures = _counts(request)
    return TemplateResponse(request, "meldpunt/figures_page.html", {"figures": figures, "charts": charts_for(figures)})


@require_GET
def figures_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(_counts(request), DOWNLOAD_NAME)


@require_GET
def figures_json(request: HttpRequest) -> HttpResponse:
    return json_response(_counts(request), DOWNLOAD_NAME)
