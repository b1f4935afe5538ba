"""Wagtail admin report of popular and zero-result search terms (from aggregated SearchTermCount rows)."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search import stats

PERIODS = (7, 30, 90, 365)


def search_terms_report(request):
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
