"""Headless API (Wagtail API v2): one router for every endpoint, read-only, published public content only.

Each endpoint lives with its model (`events/api.py`, `home/api.py`, `research/api.py`, `figures/api.py`) on the bases in
`api/viewsets.py`; the search endpoint is a view of the search app (`/api/v2/search/`, cms/urls.py). The OpenAPI
description (`/api/v2/openapi.json`, api/openapi.py) is generated from this router. Guide: docs/api.md.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from api.viewsets import LOSPagesAPIViewSet, bounded
from events.api import EventsAPIViewSet
from figures.api import FiguresAPIViewSet
from home.api import SiteTextsAPIViewSet, ThemesAPIViewSet
from research.api import FundersAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LOSPagesAPIViewSet)
api_router.register_endpoint("images", bounded(ImagesAPIViewSet))
api_router.register_endpoint("documents", bounded(DocumentsAPIViewSet))
api_router.register_endpoint("events", EventsAPIViewSet)
api_router.register_endpoint("themes", ThemesAPIViewSet)
api_router.register_endpoint("site-texts", SiteTextsAPIViewSet)
api_router.register_endpoint("funders", FundersAPIViewSet)
api_router.register_endpoint("figures", FiguresAPIViewSet)
