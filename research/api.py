"""API v2 endpoint for funders (read-only), beside the publication pages that nest them."""

from __future__ import annotations

from wagtail.api.v2.views import BaseAPIViewSet

from research.models import Funder


class FundersAPIViewSet(BaseAPIViewSet):
    """`/api/v2/funders/`: every funder with its logo rendition, acknowledgement text and period."""

    model = Funder
    body_fields = [*BaseAPIViewSet.body_fields, "name", "link", "description", "acknowledgement", "logo_alt"]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "name",
        "language",
        "link",
        "active_from",
        "active_until",
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])

    def get_queryset(self):
        queryset = Funder.objects.select_related("locale", "logo").order_by("name")
        locale = self.request.GET.get("locale")
        if locale:
            queryset = queryset.filter(locale__language_code=locale[:10])
        return queryset
