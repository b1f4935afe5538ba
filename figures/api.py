"""`/api/v2/figures/`: the public shelter figures, exactly as the figures page and its JSON download give them."""

from __future__ import annotations

from rest_framework.response import Response

from api.viewsets import LOSAPIViewSet
from figures.models import QuarterFigures
from figures.statistics import public_figures
from public_numbers.tables import Period


class FiguresAPIViewSet(LOSAPIViewSet):
    """The protected national figures; `?kwartaal=2025-3` picks the quarter of the breakdowns."""

    model = QuarterFigures  # only for the router; no row is ever listed
    known_query_parameters = LOSAPIViewSet.known_query_parameters.union(["kwartaal"])
    parameter_docs = {"kwartaal": ("string", "The quarter of the breakdowns as YYYY-Q, e.g. 2025-3 (default: latest).")}

    def listing_view(self, request):
        return Response(public_figures(Period.parse(request.GET.get("kwartaal"))).as_json())

    def detail_view(self, request, pk):
        return self.listing_view(request)
