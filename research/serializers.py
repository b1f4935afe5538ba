"""API v2 serialisation of funders, nested in publications and used by the funders endpoint."""

from __future__ import annotations

from rest_framework import serializers
from wagtail.images.api.fields import ImageRenditionField

from research.models.funders import LOGO_FILTER


class FunderSerializer(serializers.Serializer):
    """A funder as API clients need it: name, link, required acknowledgement, period and a sized logo."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    link = serializers.URLField(read_only=True)
    description = serializers.CharField(read_only=True)
    acknowledgement = serializers.CharField(read_only=True)
    active_from = serializers.DateField(read_only=True)
    active_until = serializers.DateField(read_only=True)
    logo_alt = serializers.CharField(read_only=True)
    logo = ImageRenditionField(f"format-png|{LOGO_FILTER}", read_only=True)
