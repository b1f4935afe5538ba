"""`/api/v2/figures/`: the public shelter figures, exactly as the figures page and its JSON download give them."""

from __future__ import annotations

from rest_framework.response import Response
from wagtail.api.v2.views import BaseAPIViewSet

from figures.models import QuarterFigures
from figures.statistics import Period, public_figures


class FiguresAPIViewSet(BaseAPIViewSet):
    """The protected national figures; `?kwartaal=2025-3` picks the quarter of the breakdowns."""

    model = QuarterFigures  # only for the router; no row is ever listed

    def listing_view(self, request):
        return Response(public_figures(Period.parse(request.GET.get("kwartaal"))).as_json())

    def detail_view(self, request, pk):
        return self.listing_view(request)
