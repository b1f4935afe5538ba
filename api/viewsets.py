"""The base of every API endpoint: bounded pagination, a rate limit per client, languages and translations.

Feature apps define their endpoints on these bases (`events/api.py`, `home/api.py`, `research/api.py`) and
`cms/api.py` registers them in one router, so each endpoint lives with its model while paging, throttling and the
`locale`/`translations` contract are the same everywhere.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from django.utils.http import http_date
from modelcluster.models import get_all_child_relations
from rest_framework import serializers
from rest_framework.fields import Field
from rest_framework.throttling import SimpleRateThrottle
from wagtail.api import APIField
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from api.filters import DeclaredFiltersBackend, declared_filters
from security.query_params import clean_query
from security.ratelimit import rate_limited

MAX_OFFSET = 100_000


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination with an upper bound on `offset`: an offset beyond 2**63 reached the database and
    answered 500 (SQLite "datatype mismatch", PostgreSQL "bigint out of range"); now it is a 400."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", "0"))
        except ValueError:  # "--5", "²": Wagtail's own check answers 400 ("offset must be a positive integer")
            offset = 0
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PartnerRateThrottle(SimpleRateThrottle):
    """A per-client limit a partner site does not reach in normal use (`LOS_API_RATE`, default 600 a minute):
    it stops a runaway script, not a page that shows the agenda. Counted by the site's one rate limit
    (security/ratelimit.py): the client address from the trusted proxy header, the count in the shared cache."""

    scope = "partner"

    def get_rate(self):
        return settings.LOS_API_RATE

    def allow_request(self, request, view):
        # Logged-in staff use the same endpoints from the admin; the limit is for anonymous partner sites.
        if request.user and request.user.is_authenticated:
            return True
        return not rate_limited(request, "api", self.num_requests, self.duration)

    def wait(self):
        return self.duration  # an upper bound: the window starts at the client's first request

    def get_cache_key(self, request, view):  # pragma: no cover - counting is rate_limited's, not DRF's
        raise NotImplementedError


def language_codes() -> set[str]:
    return {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def requested_language(request) -> str | None:
    """The `locale` query parameter, validated: one of the content languages, else a 400 that lists them."""
    raw = request.GET.get("locale")
    if raw is None:
        return None
    code = clean_query(raw).strip().lower()
    if code not in language_codes():
        raise BadRequestError(f"locale: expected one of {', '.join(sorted(language_codes()))}")
    return code


class TranslationsField(Field):
    """`meta.translations`: the other languages this item exists in, each with its id and API address.

    The view looks them up for the whole page of results in one query (`translations_of`)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        view = self.context["view"]
        router, request = self.context["router"], self.context["request"]
        return [
            {
                "locale": language,
                "id": pk,
                "detail_url": get_object_detail_url(router, request, type(instance), pk),
            }
            for language, pk in view.translations_of(instance)
        ]


class LastModifiedMixin:
    """`Last-Modified` on an item's answer (its last publication or change), so a partner's conditional request
    gets a 304 (api/http.py); every answer also gets an ETag there."""

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        instance = self.get_object()
        stamp = getattr(instance, "last_published_at", None) or getattr(instance, "updated_at", None)
        if stamp is not None:
            response["Last-Modified"] = http_date(stamp.timestamp())
        return response


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's `?search=`, given plain words only (security/query_params.py, as the site's own search): a blank
    or punctuation-only query answered 500 on SQLite (FTS5; found by tests/security/test_hostile_matrix.py)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        from security.query_params import clean_query, search_terms

        words = search_terms(clean_query(request.GET["search"]))
        if not words:
            return queryset.none()
        original = request._request.GET
        request._request.GET = original.copy()
        request._request.GET["search"] = words
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


def plain_words_search(backends) -> list:
    return [PlainWordsSearchFilter if backend is SearchFilter else backend for backend in backends]


class LOSAPIViewSet(LastModifiedMixin, BaseAPIViewSet):
    """Every LOS endpoint: bounded offsets, the partner rate limit, Last-Modified."""

    pagination_class = BoundedPagination
    throttle_classes = [PartnerRateThrottle]


class TranslatableAPIViewSet(LOSAPIViewSet):
    """An endpoint over a translatable model (wagtail-localize): `?locale=` chooses the language, and every item
    says its language and lists its translations."""

    known_query_parameters = LOSAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = [
        *LOSAPIViewSet.meta_fields,
        APIField("locale", serializer=serializers.CharField(source="locale.language_code", read_only=True)),
        APIField("translations", serializer=TranslationsField(read_only=True)),
    ]
    listing_default_fields = [*LOSAPIViewSet.listing_default_fields, "locale"]

    def get_queryset(self):
        queryset = self.model.objects.select_related("locale")
        language = requested_language(self.request)
        if language:
            queryset = queryset.filter(locale__language_code=language)
        return queryset

    def translations_of(self, instance) -> list[tuple[str, int]]:
        if not hasattr(self, "_translations"):
            self._translations = translation_map(self.model, getattr(self, "_shown", [instance]))
        return [
            (language, pk) for language, pk in self._translations.get(instance.translation_key, []) if pk != instance.pk
        ]

    def paginate_queryset(self, queryset):
        self._shown = list(super().paginate_queryset(queryset))
        return self._shown


def translation_map(model, instances) -> dict:
    """{translation key: [(language, pk), ...]} for `instances`, in one query."""
    keys = {instance.translation_key for instance in instances}
    found: dict = {}
    rows = (
        model.objects.filter(translation_key__in=keys)
        .order_by("locale__language_code")
        .values_list("translation_key", "locale__language_code", "pk")
    )
    for key, language, pk in rows:
        found.setdefault(key, []).append((language, pk))
    return found


class LOSPagesAPIViewSet(LastModifiedMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint plus the filters page models declare in `api_filters`, the partner rate limit,
    bounded offsets and `meta.translations` (Wagtail's own `locale` and `translation_of` stay as they are)."""

    pagination_class = BoundedPagination
    throttle_classes = [PartnerRateThrottle]
    filter_backends = [DeclaredFiltersBackend, *plain_words_search(PagesAPIViewSet.filter_backends)]
    meta_fields = [*PagesAPIViewSet.meta_fields, APIField("translations", serializer=TranslationsField(read_only=True))]

    def get_queryset(self):
        # Every item shows its language (`meta.locale`), and a listing of one page type (`?type=`) its images,
        # documents, themes, tags, funders (with their logos) and the inline rows it shows (authors, say): fetched
        # with the pages, not one query per page each. Inline rows the API does not show (editors' comments, form
        # fields) are not fetched at all.
        queryset = super().get_queryset()
        model = queryset.model
        shown = {field.name for field in getattr(model, "api_fields", [])}
        inline = [relation for relation in get_all_child_relations(model) if relation.get_accessor_name() in shown]
        related = []
        for relation in [*model._meta.many_to_many, *inline]:
            name = relation.name if relation.concrete else relation.get_accessor_name()
            files = chosen_files(relation.related_model)  # a funder's logo (taggit's tags take no queryset)
            manager = relation.related_model._default_manager
            related.append(Prefetch(name, queryset=manager.select_related(*files)) if files else name)
        return queryset.select_related("locale", *chosen_files(model)).prefetch_related(*related)

    def check_query_parameters(self, queryset):
        # Declared filters are valid query parameters only for the type that declares them.
        original = self.known_query_parameters
        self.known_query_parameters = original.union(declared_filters(queryset.model))
        try:
            super().check_query_parameters(queryset)
        finally:
            self.known_query_parameters = original

    def paginate_queryset(self, queryset):
        self._shown = list(super().paginate_queryset(queryset))
        return self._shown

    def translations_of(self, page) -> list[tuple[str, int]]:
        from wagtail.models import Page

        if not hasattr(self, "_translations"):
            shown = getattr(self, "_shown", [page])
            keys = {p.translation_key for p in shown}
            self._translations = {}
            rows = (
                Page.objects.live()
                .public()
                .filter(translation_key__in=keys)
                .order_by("locale__language_code")
                .values_list("translation_key", "locale__language_code", "pk")
            )
            for key, language, pk in rows:
                self._translations.setdefault(key, []).append((language, pk))
        return [(language, pk) for language, pk in self._translations.get(page.translation_key, []) if pk != page.pk]


def chosen_files(model) -> list[str]:
    """The names of `model`'s foreign keys to an image or a document."""
    files = (get_image_model(), get_document_model())
    return [field.name for field in model._meta.get_fields() if field.many_to_one and field.related_model in files]


def bounded(viewset):
    """Wagtail's own endpoints (images, documents) with the LOS pagination bound and rate limit."""
    attributes = {
        "pagination_class": BoundedPagination,
        "throttle_classes": [PartnerRateThrottle],
        "filter_backends": plain_words_search(viewset.filter_backends),
    }
    return type(viewset.__name__, (viewset,), attributes)
