"""API v2 endpoint for funders (read-only), beside the publication pages that nest them."""

from __future__ import annotations

from api.viewsets import TranslatableAPIViewSet
from research.models import Funder


class FundersAPIViewSet(TranslatableAPIViewSet):
    """`/api/v2/funders/`: every funder with its logo rendition, acknowledgement text and period (`?locale=`)."""

    model = Funder
    body_fields = [*TranslatableAPIViewSet.body_fields, "name", "link", "description", "acknowledgement", "logo_alt"]
    listing_default_fields = [
        *TranslatableAPIViewSet.listing_default_fields,
        "name",
        "language",
        "link",
        "active_from",
        "active_until",
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("logo").order_by("name", "pk")
