"""Headless API: Wagtail API v2 over pages, images and documents (read-only, published content only)."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.api_filters import LOSPagesAPIViewSet
from figures.api import FiguresAPIViewSet
from research.api import FundersAPIViewSet

MAX_OFFSET = 100_000


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination with an upper bound on `offset`: an offset beyond 2**63 reached the database and
    answered 500 (SQLite "datatype mismatch", PostgreSQL "bigint out of range"); now it is a 400."""

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.GET.get("offset", "0")
        if raw.strip().lstrip("-").isdigit() and int(raw) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


def bounded(viewset):
    return type(viewset.__name__, (viewset,), {"pagination_class": BoundedPagination})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", bounded(LOSPagesAPIViewSet))
api_router.register_endpoint("images", bounded(ImagesAPIViewSet))
api_router.register_endpoint("documents", bounded(DocumentsAPIViewSet))
api_router.register_endpoint("funders", bounded(FundersAPIViewSet))
api_router.register_endpoint("figures", FiguresAPIViewSet)
