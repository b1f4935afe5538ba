"""The public search page.

A deliberately small first version: live, public pages of the current site and language. The search issue
replaces the query part with search/service.py (facets, highlights, Elasticsearch) behind the same view.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

from home.query_params import clean_query, page_number, search_terms

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    results = Page.objects.none()
    if terms:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.specific().search(terms)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(page_number(request.GET.get("page")))
    return TemplateResponse(
        request,
        "search/search_page.html",
        {
            "search_query": query,
            "search_results": page_obj,
            "paginator": paginator,
            "query_string": urlencode({"q": query}),
        },
    )
