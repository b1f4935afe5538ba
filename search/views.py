"""The public search page, the autocomplete endpoint and the JSON search API: thin views over
search/service.py (one result shape for all three)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Site

from search import service
from search.results import SearchParams
from security.query_params import clean_query

JSON_HEADERS = {"Cache-Control": "public, max-age=60", "X-Robots-Tag": "noindex"}


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    params = SearchParams.from_querydict(request.GET)
    site = Site.find_for_request(request)
    response = service.search(params, site=site, request=request, record=True)
    raw = request.GET.get("q", "")
    notices = []
    if raw and not params.query.strip():
        notices.append("empty")
    elif len(raw) > len(params.query) + 1 and params.query:
        notices.append("shortened")
    return TemplateResponse(
        request,
        "search/search_page.html",
        {
            "search_query": params.query,
            "params": params,
            "result": response,
            "notices": notices,
            # For pagination links: everything but the page number.
            "query_string": urlencode(params.querydict_items()),
            "sort_options": [("relevance", _sort_label("relevance")), ("date", _sort_label("date"))],
        },
    )


def _sort_label(value: str) -> str:
    from django.utils.translation import gettext

    return gettext("Relevantie") if value == "relevance" else gettext("Datum (nieuwste eerst)")


@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    """Titles for the header search box: {"results": [{"title", "url", "type"}]}."""
    site = Site.find_for_request(request)
    results = service.autocomplete(request.GET.get("q", ""), site=site, request=request)
    return JsonResponse({"results": results}, headers=JSON_HEADERS)


@require_GET
def api(request: HttpRequest) -> JsonResponse:
    """JSON search API (documented in README, "Search"): /api/v2/search/?q=...&locale=en&type=page&page=2.

    Same parameters and result shape as the search page; ``locale`` picks the language (default Dutch)."""
    # Cleaned before it reaches the database: a NUL byte in a text parameter makes PostgreSQL raise.
    code = clean_query(request.GET.get("locale", ""))
    locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
    site = Site.find_for_request(request)
    with translation.override(locale.language_code):
        params = SearchParams.from_querydict(request.GET)
        response = service.search(params, site=site, locale=locale, request=request)
        return JsonResponse(response.as_json(), headers=JSON_HEADERS)
