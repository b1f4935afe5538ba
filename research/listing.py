"""The publication overview: filters that combine, sorting, search and pagination, in a constant number of
queries however many publications there are.

Every filter is a choice among values that exist; anything else in the query string (unknown slugs, words
where numbers belong, NUL bytes, very long strings) is ignored, so a hand-edited or stale URL still shows a
normal page. The search box goes through the search service (``search.service.matching_ids``: the same engine,
words and stemming as the search page, Elasticsearch when configured, the database otherwise); research imports
search for this directly (a documented feature-to-feature import: a registry hook for one function would only
hide the dependency).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import Theme
from research.models import PublicationAuthor, PublicationPage, PublicationType
from search import service as search_service
from security.query_params import clean_query, page_number, search_terms

PER_PAGE = 12
# The cover sizes templates/research/publication_index_page.html asks for ({% picture %} expands the braces).
COVER_FILTERS = [f"format-{fmt}|fill-{size}" for fmt in ("webp", "jpeg") for size in ("96x136", "192x272")]
SORTS = {
    "date": (_("Nieuwste eerst"), ["-publication_date", "title"]),
    "title": (_("Titel (A-Z)"), ["title", "-publication_date"]),
}
FILTER_PARAMS = ("thema", "soort", "jaar", "auteur", "project")


@dataclass(frozen=True)
class Option:
    """One value of a filter."""

    value: str
    label: str


def _choice(request: HttpRequest, name: str, options: list[Option]) -> str:
    """The value of `name` if it is one of `options`, else ''."""
    raw = clean_query(request.GET.get(name, ""))
    return raw if raw and any(option.value == raw for option in options) else ""


def publication_listing(index: Page, request: HttpRequest) -> dict:
    """Everything the overview template needs: the filter options, the chosen values and one page of results."""
    base = PublicationPage.objects.live().public().child_of(index)

    themes = [
        Option(theme.slug, theme.name)
        for theme in Theme.objects.filter(locale_id=index.locale_id).order_by("sort_order", "name")
    ]
    types = [Option(value, str(label)) for value, label in PublicationType.choices]
    years = [Option(str(d.year), str(d.year)) for d in base.dates("publication_date", "year", order="DESC")]
    author_names = (
        PublicationAuthor.objects.filter(page__in=base.values("pk"))
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()
    )
    authors = [Option(name, name) for name in author_names]
    projects = [
        Option(str(page.pk), page.title)
        for page in Page.objects.filter(pk__in=base.exclude(related_project=None).values("related_project"))
        .only("pk", "title")
        .order_by("title")
    ]

    chosen = {
        "thema": _choice(request, "thema", themes),
        "soort": _choice(request, "soort", types),
        "jaar": _choice(request, "jaar", years),
        "auteur": _choice(request, "auteur", authors),
        "project": _choice(request, "project", projects),
    }
    sort = _choice(request, "sort", [Option(key, key) for key in SORTS]) or "date"
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)

    publications = base
    if chosen["thema"]:
        publications = publications.filter(themes__slug=chosen["thema"])
    if chosen["soort"]:
        publications = publications.filter(publication_type=chosen["soort"])
    if chosen["jaar"]:
        publications = publications.filter(publication_date__year=int(chosen["jaar"]))
    if chosen["auteur"]:
        publications = publications.filter(
            pk__in=PublicationAuthor.objects.filter(name=chosen["auteur"]).values("page_id")
        )
    if chosen["project"]:
        publications = publications.filter(related_project_id=int(chosen["project"]))
    publications = publications.order_by(*SORTS[sort][1])

    if terms:
        # Search picks the matches among the filtered publications; the list keeps the visitor's chosen order.
        # The page is served in its own language, so the active language is the one to search in.
        matching = search_service.matching_ids(publications, query)
        results = publications.filter(pk__in=matching).defer_streamfields()
    else:
        results = publications.defer_streamfields()

    paginator = Paginator(results, PER_PAGE)
    page_obj = paginator.get_page(page_number(request.GET.get("page")))
    items = list(page_obj.object_list)
    prefetch_related_objects(
        items,
        "themes",
        "authors",
        Prefetch("cover_image", queryset=get_image_model().objects.prefetch_renditions(*COVER_FILTERS)),
    )

    active = {name: value for name, value in chosen.items() if value}
    kept = {**active, **({"q": query} if query else {}), **({"sort": sort} if sort != "date" else {})}
    return {
        "publications": items,
        "page_obj": page_obj,
        "paginator": paginator,
        "query_string": urlencode(kept),
        "search_query": query,
        "filters": [
            {"name": "thema", "label": _("Thema"), "options": themes, "value": chosen["thema"]},
            {"name": "soort", "label": _("Soort"), "options": types, "value": chosen["soort"]},
            {"name": "jaar", "label": _("Jaar"), "options": years, "value": chosen["jaar"]},
            {"name": "auteur", "label": _("Auteur"), "options": authors, "value": chosen["auteur"]},
            {"name": "project", "label": _("Project"), "options": projects, "value": chosen["project"]},
        ],
        "sort": sort,
        "sorts": [Option(key, str(label)) for key, (label, _order) in SORTS.items()],
        "filters_active": bool(active or query),
        "type_labels": dict(PublicationType.choices),
    }
