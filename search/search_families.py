"""The content families the site searches: content pages, news and publications, declared in one place.

They live in the search app, not in news/ and research/, so those apps need no search import to be found:
families name their model by label. Another app may still add its own ``<app>/search_families.py`` (discovered
by ``SearchConfig.ready``; see search/registry.py). A family registers only when its model is installed and has
the fields named here (``SearchFamily.validate``); a renamed field is logged at start-up and caught by the tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from search.registry import FamilyFacet, SearchFamily, register

logger = logging.getLogger("los.search")


def document_text(page: Any) -> str:
    """The extracted text of every document linked from the page by a foreign key (a publication's PDF)."""
    from search.models import DocumentText

    ids = [
        getattr(page, f.attname)
        for f in page._meta.concrete_fields
        if f.is_relation and f.related_model is not None and f.related_model._meta.label == "wagtaildocs.Document"
    ]
    ids = [pk for pk in ids if pk]
    if not ids:
        return ""
    return " ".join(DocumentText.objects.filter(document_id__in=ids).values_list("text", flat=True))


def page_family(
    model_label: str,
    key: str,
    *,
    date_field: str,
    summary_field: str,
    facet: FamilyFacet | None = None,
    label_text: Any = "",
    extra_text: Callable[[Any], str] | None = None,
    index_extra_text: bool = True,
) -> SearchFamily:
    """A LOS page type: themes, a search description and an intro or summary, and a ``body`` StreamField."""
    return SearchFamily(
        model_label=model_label,
        key=key,
        date_field=date_field,
        theme_field="themes",
        text_fields=("search_description", summary_field),
        stream_fields=("body",),
        facets=(facet,) if facet else (),
        label_text=label_text,
        extra_text=extra_text,
        index_extra_text=index_extra_text,
    )


# Facets of one family: a model field with choices, offered as a filter on the search page.
NEWS_KIND = FamilyFacet(name="kind", field="kind", label=_("Soort bericht"))
PUBLICATION_TYPE = FamilyFacet(name="publication_type", field="publication_type", label=_("Soort publicatie"))

FAMILIES = [
    # Helpdesk and other content pages; apps add their overview pages and the microsite's pages to this family
    # (``add_pages`` in <app>/search_families.py): to a visitor they are all "pages".
    page_family("home.ContentPage", "page", date_field="last_checked", summary_field="intro", label_text=_("Pagina")),
    page_family("news.NewsPage", "news", date_field="publication_date", summary_field="intro", facet=NEWS_KIND),
    page_family(
        "research.PublicationPage",
        "publication",
        date_field="publication_date",
        summary_field="summary",
        facet=PUBLICATION_TYPE,
        extra_text=document_text,
        # PublicationPage indexes its PDF text itself (its ``pdf_text`` search field).
        index_extra_text=False,
    ),
]


def register_families() -> None:
    for family in FAMILIES:
        try:
            apps.get_model(family.model_label)
        except LookupError:
            continue
        try:
            register(family)
        except (FieldDoesNotExist, ValueError) as error:
            logger.warning("search family %s not registered: %s", family.model_label, error)


register_families()
