"""The news and publication families with the real models: their own facets count and filter."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search import service
from search.results import SearchParams

pytestmark = pytest.mark.django_db


def run(site, **params):
    data = QueryDict(mutable=True)
    for key, value in params.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return service.search(SearchParams.from_querydict(data), site=site)


def facet(response, name):
    return {value.value: value.count for f in response.facets if f.name == name for value in f.values}


def test_news_kind_facet_counts_and_filters(main_site):
    everything = run(main_site, q="detentie")
    kinds = facet(everything, "kind")
    assert kinds and sum(kinds.values()) == facet(everything, "type")["news"]
    kind, count = max(kinds.items(), key=lambda item: item[1])
    narrowed = run(main_site, q="detentie", kind=kind)
    assert narrowed.total == count
    assert {hit.type for hit in narrowed.hits} == {"news"}


def test_publication_type_facet(main_site):
    response = run(main_site, q="jaarverslag", type="publication")
    assert response.total >= 2
    assert {hit.type for hit in response.hits} == {"publication"}
    assert facet(response, "publication_type")


def test_publication_pdf_text_is_searchable_on_the_database_backend(main_site):
    from research.models import PublicationIndexPage
    from search.models import DocumentText
    from tests.factories.research import PublicationPageFactory, pdf_document

    document = pdf_document(title="Bijlage")
    DocumentText.objects.update_or_create(
        document=document, defaults={"text": "Alleen in de bijlage: zwaluwstaartregel."}
    )
    publication = PublicationPageFactory(
        parent=PublicationIndexPage.objects.get(locale__language_code="nl"), title="Rapport met bijlage", pdf=document
    )
    publication.save_revision().publish()
    response = run(main_site, q="zwaluwstaartregel")
    assert [hit.title for hit in response.hits] == ["Rapport met bijlage"]
