"""API endpoints for the site shell's snippets: themes and the texts in each site's header and footer."""

from __future__ import annotations

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError

from api.viewsets import TranslatableAPIViewSet
from home.models import SiteTexts, Theme
from security.query_params import clean_query


class ThemesAPIViewSet(TranslatableAPIViewSet):
    """`/api/v2/themes/`: LOS's themes in every language (`?locale=en`); the slug is the same in all of them and
    is what the `theme` filters of news (pages endpoint) and events take."""

    model = Theme
    body_fields = [*TranslatableAPIViewSet.body_fields, "name", "slug", "description", "sort_order"]
    listing_default_fields = [*TranslatableAPIViewSet.listing_default_fields, "name", "slug"]

    def get_queryset(self):
        return super().get_queryset().order_by("sort_order", "name", "pk")


class SiteTextsAPIViewSet(TranslatableAPIViewSet):
    """`/api/v2/site-texts/`: tagline, footer text and phone hours per site and language. `?site=` takes a
    site's host name (`ilegalevrouw.nl`); a language without its own row uses the Dutch one, as the site does."""

    model = SiteTexts
    known_query_parameters = TranslatableAPIViewSet.known_query_parameters.union(["site"])
    body_fields = [
        *TranslatableAPIViewSet.body_fields,
        APIField("site", serializer=serializers.CharField(source="site.hostname", read_only=True)),
        "tagline",
        "footer_text",
        "phone_hours",
    ]
    listing_default_fields = [*TranslatableAPIViewSet.listing_default_fields, *body_fields[1:]]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields)

    def get_queryset(self):
        queryset = super().get_queryset().select_related("site").order_by("site__hostname", "locale__language_code")
        if "site" in self.request.GET:
            hostname = clean_query(self.request.GET["site"]).strip().lower()
            if not hostname or len(hostname) > 255:
                raise BadRequestError("site: expected a host name")
            queryset = queryset.filter(site__hostname=hostname)
        return queryset
