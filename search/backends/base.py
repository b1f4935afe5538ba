"""The small interface every search backend implements; the service (search/service.py) talks only to this."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from django.db.models import QuerySet
from wagtail.models import Locale, Page, Site

from search.results import SearchParams, SearchResponse


class SearchBackend(ABC):
    """A search engine as the search service sees it (wagtail-localize's machine translators are the model)."""

    #: Reported as ``SearchResponse.backend``.
    name: ClassVar[str]
    #: Exceptions meaning the engine is unreachable or refused the request: the service then asks the database.
    unavailable_errors: ClassVar[tuple[type[BaseException], ...]] = ()

    @abstractmethod
    def search(self, params: SearchParams, *, site: Site | None, locale: Locale, request: Any = None) -> SearchResponse:
        """One page of live, public hits in scope with facets, and a "did you mean" where the engine has one."""

    @abstractmethod
    def autocomplete(self, terms: str, *, site: Site | None, locale: Locale, limit: int) -> list[Page]:
        """Up to ``limit`` pages in scope for a partly typed query, best first."""

    @abstractmethod
    def matching_ids(self, pages: QuerySet, terms: str, *, language_code: str) -> list[int]:
        """The ids of ``pages`` (a caller's own candidates, e.g. filtered publications) matching every word of
        ``terms`` in a language's analysis, most relevant first."""

    def sync_page(self, page_id: int) -> None:  # noqa: B027 - deliberately empty: nothing to do by default
        """Bring one page's entry up to date after publish, unpublish or move. Nothing by default: the database
        backend reads Wagtail's own index, which Wagtail updates on save."""

    def remove_page(self, page_id: int) -> None:  # noqa: B027 - deliberately empty: nothing to do by default
        """Forget a deleted page (nothing by default, as for ``sync_page``)."""
