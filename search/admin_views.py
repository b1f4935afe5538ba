"""Wagtail admin report of popular and zero-result search terms (from aggregated SearchTermCount rows).

What visitors typed can hold names and phone numbers, so the view checks ``VIEW_SEARCH_TERMS`` itself (a menu
item that is hidden is no protection: the URL still answers)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search import stats

PERIODS = (7, 30, 90, 365)
#: Who may read what visitors searched for (the report and the dashboard panel); given in editors/roles.py.
VIEW_SEARCH_TERMS = "search.view_searchtermcount"


def may_view_search_terms(user) -> bool:
    return user.has_perm(VIEW_SEARCH_TERMS)


def search_terms_report(request):
    if not may_view_search_terms(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    popular = stats.term_totals(days).order_by("-searches", "term")[:50]
    zero = stats.zero_result_terms(days)
    return TemplateResponse(
        request,
        "search/admin/search_terms_report.html",
        {
            "title": _("Zoektermen"),
            "popular": popular,
            "zero": zero,
            "days": days,
            "periods": PERIODS,
        },
    )
