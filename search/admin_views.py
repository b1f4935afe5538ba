"""Wagtail admin report of popular and zero-result search terms (from aggregated SearchTermCount rows)."""

from __future__ import annotations

import datetime

from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from search import stats
from search.models import SearchTermCount

PERIODS = (7, 30, 90, 365)


def search_terms_report(request):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    stats.flush()  # show what the cache buffer holds too
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    rows = (
        SearchTermCount.objects.filter(date__gte=since)
        .values("term", "language")
        .annotate(searches=Sum("searches"), zero_results=Sum("zero_results"))
    )
    popular = rows.order_by("-searches", "term")[:50]
    zero = rows.filter(zero_results__gt=0).order_by("-zero_results", "term")[:50]
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
