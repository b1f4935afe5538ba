"""``service.matching_ids``: a listing's own candidates narrowed to the pages matching a query (the publication
overview's text filter), on every backend, with the database as the fall-back; and the layering rule that the
backends never import the service."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest
from elasticsearch.dsl import Search
from elasticsearch.dsl.response import Response
from wagtail.models import Locale

from home.models import ContentPage
from search import service
from search.backends.elastic import query
from search.backends.elastic.backend import ElasticsearchBackend
from search.results import SearchParams
from search.scope import scope

pytestmark = pytest.mark.django_db

SEARCH_APP = Path(service.__file__).parent


def test_same_matches_in_the_same_order_as_the_search_page(corpus, main_site):
    nl = Locale.objects.get(language_code="nl")
    page_hits = [hit.page.pk for hit in service.search(SearchParams(query="xylofoonfonds"), site=main_site).hits]
    assert len(page_hits) == 2
    assert service.matching_ids(scope(main_site, nl), "xylofoonfonds", language_code="nl") == page_hits


def test_only_the_callers_candidates(corpus):
    candidates = ContentPage.objects.filter(pk__in=[corpus["uitzetting"].pk, corpus["microsite"].pk])
    found = service.matching_ids(candidates, "xylofoonfonds")
    assert sorted(found) == sorted([corpus["uitzetting"].pk, corpus["microsite"].pk])
    assert service.matching_ids(candidates, "xylofoonfonds detentie") == [corpus["uitzetting"].pk]
    assert service.matching_ids(candidates.none(), "xylofoonfonds") == []


@pytest.mark.parametrize("query_text", ["", "   ", "\x00", '"()*'])
def test_no_words_match_nothing(home_page, query_text):
    assert service.matching_ids(ContentPage.objects.all(), query_text) == []


def test_falls_back_to_the_database_when_elasticsearch_is_down(unreachable, client, caplog):
    caplog.set_level(logging.WARNING, logger="los.search")
    html = client.get("/publicaties/", {"q": "tolken"}).content.decode()
    assert "Medische zorg in vreemdelingendetentie" in html
    messages = [r.getMessage() for r in caplog.records if r.name == "los.search"]
    assert any("Elasticsearch unavailable" in m and "falling back to database" in m for m in messages)
    assert not any("tolken" in m for m in messages)  # privacy: the query is never logged


def test_elasticsearch_request_for_matches_among_candidates():
    body = query.matching_search("medische zorg", [3, 1, 2], "nl").to_dict()
    assert body["query"]["bool"]["filter"] == [{"terms": {"page_id": [3, 1, 2]}}]
    # The filter joins the text query's bool (its should clauses keep minimum_should_match=1).
    assert body["query"]["bool"]["minimum_should_match"] == 1
    assert body["query"]["bool"]["should"][0]["multi_match"]["operator"] == "and"  # every word, as on /zoeken/
    assert body["_source"] is False and body["size"] == 3


def test_elasticsearch_answer_keeps_its_order_and_only_offered_ids(unreachable, monkeypatch, home_page):
    """The answer is a recorded one (no cluster is contacted); ids the caller did not offer are dropped."""
    first, second, third = ContentPage.objects.order_by("pk").values_list("pk", flat=True)[:3]
    offered = ContentPage.objects.filter(pk__in=[first, second, third])
    stale = 999_999  # still in the index, no longer among the candidates
    body = {"hits": {"total": {"value": 3}, "hits": [{"_id": str(pk)} for pk in (third, stale, first)]}}
    monkeypatch.setattr(Search, "execute", lambda self: Response(self, body))
    assert ElasticsearchBackend().matching_ids(offered, "zorg", language_code="nl") == [third, first]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize(
    "path",
    sorted(SEARCH_APP.glob("backends/**/*.py")) + [SEARCH_APP / "results.py", SEARCH_APP / "scope.py"],
    ids=lambda path: str(path.relative_to(SEARCH_APP)),
)
def test_backends_and_the_result_shape_never_import_the_service(path):
    assert "search.service" not in _imports(path)
