"""The news and publication families.

They live here, not in news/ and research/, because the architecture keeps every other app free of imports from
``search``: search names their models by label. A family registers only when its model is installed and has the
fields named here (``SearchFamily.validate``); a renamed field is logged at start-up and caught by the tests.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from search.registry import FamilyFacet, SearchFamily, register

logger = logging.getLogger("los.search")


def document_text(page) -> str:
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


FAMILIES = [
    SearchFamily(
        model_label="news.NewsPage",
        key="news",
        date_field="publication_date",
        theme_field="themes",
        text_fields=("search_description", "intro"),
        stream_fields=("body",),
        facets=(FamilyFacet(name="kind", field="kind", label=_("Soort bericht")),),
    ),
    SearchFamily(
        model_label="research.PublicationPage",
        key="publication",
        date_field="publication_date",
        theme_field="themes",
        text_fields=("search_description", "summary"),
        stream_fields=("body",),
        facets=(FamilyFacet(name="publication_type", field="publication_type", label=_("Soort publicatie")),),
        extra_text=document_text,
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
