"""Elasticsearch matches Dutch as the database does: the same lexicon's lemmas and compound parts in an
``analysis`` field of every document, and lemmatised queries; Arabic, French and Spanish indexes analysed in their
own language. Checked as data (``to_dict()``): no cluster here; the contract suite runs these on a real cluster
when ELASTICSEARCH_URL is set."""

from __future__ import annotations

import pytest
from django.utils.text import slugify

from home.models import ContentPage
from search import registry
from search.backends.elastic import index, query

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("code", "language"), [("ar", "arabic"), ("fr", "french"), ("es", "spanish")])
def test_microsite_languages_have_their_own_analysis(code, language):
    body = index.index_for(code, synonym_lines=[]).to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"][f"los_{code}_stemmer"] == {"type": "stemmer", "language": language}
    assert analysis["filter"][f"los_{code}_stop"]["stopwords"] == f"_{language}_"
    assert body["mappings"]["properties"]["analysis"]["analyzer"] == f"los_{code}"


def test_documents_carry_lemmas_and_compound_parts(home_page):
    page = ContentPage(
        title="Isolatiecellen en vreemdelingendetentie",
        slug=slugify("isolatiecellen x"),
        intro="Zeven kinderen in de zomerkampregeling.",
    )
    home_page.add_child(instance=page)
    family = registry.family_for_model(ContentPage)
    source = index.document_for(page, family, "nl", "los-nl")["_source"]
    # Lemmas apart from compound parts: a part ranks lowest (``parts`` field).
    assert {"isolatiecel", "kind"} <= set(source["analysis"].split())
    assert {"cel", "isolatie", "vreemdeling", "detentie"} <= set(source["parts"].split())
    # The parts of title and summary words also apart, weighed as their level (title, summary).
    assert set(source["title_parts"].split()) == {"cel", "isolatie", "vreemdeling", "detentie"}
    assert set(source["summary_parts"].split()) == {"zomerkamp", "regeling"}
    assert source["summary"] == "Zeven kinderen in de zomerkampregeling."


def test_queries_are_lemmatised_and_search_the_analysis_field():
    body = query.text_query("Kinderen in isolatiecellen", "nl").to_dict()
    cross = body["bool"]["should"][0]["multi_match"]
    assert cross["query"] == "kind in isolatiecel"
    assert "analysis" in cross["fields"] and cross["operator"] == "and"
    # Phrases keep the words as typed.
    assert body["bool"]["should"][1]["multi_match"]["query"] == "Kinderen in isolatiecellen"
