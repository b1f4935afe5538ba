"""The Elasticsearch requests our code generates (mappings, analysers, queries, alias swap), checked as data
(``to_dict()``) without a cluster, and the fallback to the database when the cluster is unreachable."""

from __future__ import annotations

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search import registry, service
from search.backends.elastic import index, query
from search.backends.elastic.backend import response_from
from search.models import SearchSettings
from search.results import SearchParams
from search.scope import current_locale

pytestmark = pytest.mark.django_db


def test_dutch_index_settings_and_mapping():
    body = index.index_for("nl", synonym_lines=["ongedocumenteerd, papierloos, zonder verblijfsvergunning"]).to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["los_nl"]["filter"] == ["lowercase", "los_folding", "los_nl_stop", "los_nl_stemmer"]
    assert analysis["analyzer"]["los_nl_search"]["filter"][1] == "los_nl_synonyms"
    assert analysis["filter"]["los_nl_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["los_folding"]["type"] == "asciifolding"
    assert analysis["filter"]["los_nl_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["ongedocumenteerd, papierloos, zonder verblijfsvergunning"],
        "lenient": True,
    }
    props = body["mappings"]["properties"]
    assert props["title"] == {"type": "text", "analyzer": "los_nl", "search_analyzer": "los_nl_search"}
    assert props["body"]["analyzer"] == "los_nl"
    assert props["suggest"]["type"] == "completion"
    for keyword in ("family", "themes", "path"):
        assert props[keyword] == {"type": "keyword"}
    assert props["date"] == {"type": "date"} and props["year"] == {"type": "integer"}


def test_english_index_uses_english_analysis_and_no_synonyms_when_none():
    analysis = index.index_for("en", synonym_lines=[]).to_dict()["settings"]["analysis"]
    assert analysis["filter"]["los_en_stemmer"]["language"] == "english"
    assert "los_en_possessive" in analysis["analyzer"]["los_en"]["filter"]
    assert "los_en_synonyms" not in analysis["filter"]


def test_synonyms_come_from_the_editors_setting():
    setting = SearchSettings.load()
    setting.synonyms_nl = "ongedocumenteerd, papierloos,  Zonder   Verblijfsvergunning\nlos\n a => b, c\n"
    setting.save()
    assert index.synonyms("nl") == ["ongedocumenteerd, papierloos, zonder verblijfsvergunning"]
    analysis = index.index_for("nl").to_dict()["settings"]["analysis"]
    assert analysis["filter"]["los_nl_synonyms"]["synonyms"] == [
        "ongedocumenteerd, papierloos, zonder verblijfsvergunning"
    ]


class FakeFamilyFacet:
    pass


def test_family_specific_facet_fields_are_keywords(monkeypatch):
    family = registry.SearchFamily(
        model_label="home.ContentPage",
        key="test",
        facets=(registry.FamilyFacet(name="kind", field="title", label="Soort"),),
    )
    doc = index.document_class(family, "nl", synonym_lines=[])
    assert doc._doc_type.mapping.to_dict()["properties"]["kind"] == {"type": "keyword"}


def test_query_facets_filters_highlight_and_suggest(main_site):
    params = SearchParams(query="medische zorg", filters={"theme": ["detentie"], "year": ["2024"]}, page=2)
    body = query.build_page_search(params, site=main_site, locale=current_locale())._s.to_dict()
    scored = body["query"]["bool"]["must"][0]["function_score"]
    should = scored["query"]["bool"]["should"]
    assert {
        "multi_match": {
            "query": "medisch zorg",
            "fields": ["title^10", "title_parts^5", "summary^4", "summary_parts^4", "body", "analysis", "parts^0.5"],
            "operator": "and",
            "type": "cross_fields",
        }
    } in should
    assert any(q["multi_match"]["type"] == "phrase" for q in should)  # phrase matching
    assert any(q["multi_match"]["type"] == "phrase_prefix" for q in should)  # prefix matching
    # Site scope as a filter on the tree path.
    assert body["query"]["bool"]["filter"][0]["bool"]["should"][0] == {"prefix": {"path": main_site.root_page.path}}
    # Facet filters as post_filter; each facet aggregation filtered by the other facets only.
    post = body["post_filter"]["bool"]["must"]
    assert {"terms": {"themes": ["detentie"]}} in post and {"terms": {"year": ["2024"]}} in post
    theme_agg = body["aggs"]["_filter_theme"]
    assert theme_agg["filter"] == {"terms": {"year": ["2024"]}}
    assert theme_agg["aggs"]["theme"]["terms"]["field"] == "themes"
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert set(body["highlight"]["fields"]) == {"body", "title"}
    assert body["suggest"]["did_you_mean"]["phrase"]["field"] == "title"
    assert (body["from"], body["size"]) == (10, 10)


def test_relevance_times_bounded_recency_as_on_the_database(main_site):
    """relevance x (1 + 0.25 x 0.5 ^ (age / 365 days)) for dated pages: search/ranking.py's formula."""
    params = SearchParams(query="zorg")
    body = query.build_page_search(params, site=main_site, locale=current_locale())._s.to_dict()
    scored = body["query"]["bool"]["must"][0]["function_score"]
    assert (scored["score_mode"], scored["boost_mode"]) == ("sum", "multiply")
    assert scored["functions"] == [
        {"weight": 1},
        {
            "filter": {"exists": {"field": "date"}},
            "exp": {"date": {"origin": "now/d", "scale": "365d", "decay": 0.5}},
            "weight": 0.25,
        },
    ]


def test_summary_and_compound_parts_are_fields_of_their_own():
    """The summary ranks between title and body; compound parts (search/analysis.py) apart from lemmas, the parts
    of title and summary words below their whole words and above the body, the body's parts lowest."""
    family = registry.SearchFamily(model_label="home.ContentPage", key="test")
    properties = index.document_class(family, "nl", synonym_lines=[])._doc_type.mapping.to_dict()["properties"]
    assert {"summary", "analysis", "title_parts", "summary_parts", "parts"} <= set(properties)
    assert all(properties[name]["analyzer"] == "los_nl" for name in ("title_parts", "summary_parts", "parts"))
    expected = ["title^10", "title_parts^5", "summary^4", "summary_parts^4", "body", "analysis", "parts^0.5"]
    assert expected == query.FIELDS


def test_date_sort_and_result_window_cap(main_site):
    params = SearchParams(query="zorg", sort="date", page=10_000)
    body = query.build_page_search(params, site=main_site, locale=current_locale())._s.to_dict()
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert body["from"] + body["size"] <= 10_000


def test_completion_suggester_request():
    body = query.autocomplete_search("uitzet", "nl", 6).to_dict()
    assert body["suggest"]["titles"]["completion"]["field"] == "suggest"
    assert body["suggest"]["titles"]["prefix"] == "uitzet"


def test_alias_swap_is_one_request():
    assert index.alias_actions("los-nl", ["los-nl-1"], "los-nl-2") == [
        {"remove": {"index": "los-nl-1", "alias": "los-nl"}},
        {"add": {"index": "los-nl-2", "alias": "los-nl"}},
    ]


def test_documents_for_rebuild(home_page):
    docs = list(index.documents("nl", "los-nl-x"))
    assert docs and all(d["_index"] == "los-nl-x" for d in docs)
    sample = docs[0]["_source"]
    assert set(sample) >= {
        "page_id",
        "family",
        "path",
        "title",
        "summary",
        "body",
        "analysis",
        "title_parts",
        "summary_parts",
        "parts",
        "date",
        "year",
        "themes",
        "suggest",
    }


def test_fallback_to_database_when_unreachable(unreachable, main_site, caplog):
    caplog.set_level(logging.WARNING, logger="los.search")
    response = service.search(SearchParams(query="helpdesk"), site=main_site)
    assert response.backend == "database"
    assert response.total > 0
    messages = [r.getMessage() for r in caplog.records if r.name == "los.search"]
    assert any("falling back to database" in m for m in messages)
    assert not any("helpdesk" in m for m in messages)  # privacy: the query is never logged


def test_search_page_and_autocomplete_work_when_unreachable(unreachable, client, caplog):
    caplog.set_level(logging.WARNING, logger="los.search")
    assert "resultaten" in client.get("/zoeken/", {"q": "helpdesk"}).content.decode()
    assert client.get("/zoeken/suggesties/", {"q": "helpdesk"}).status_code == 200
    assert sum("Elasticsearch unavailable" in r.getMessage() for r in caplog.records) >= 2


def test_sync_on_publish_does_not_break_publishing_when_unreachable(
    unreachable, home_page, caplog, django_capture_on_commit_callbacks
):
    from home.models import ContentPage

    caplog.set_level(logging.WARNING, logger="los.search")
    page = ContentPage(title="Nieuwe pagina", slug="nieuwe-pagina-es")
    home_page.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        page.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert any("sync failed" in r.getMessage() for r in caplog.records)
    assert any("delete failed" in r.getMessage() for r in caplog.records)


def test_rebuild_command_dry_run_needs_no_cluster(capsys):
    call_command("rebuild_search_index", "--dry-run")
    out = capsys.readouterr().out
    assert "nl: would index" in out and "en: would index" in out


def test_rebuild_command_reports_unreachable_cluster(unreachable):
    with pytest.raises(CommandError, match="not reachable"):
        call_command("rebuild_search_index")


def test_rebuild_command_without_elasticsearch(settings):
    settings.SEARCH_ELASTICSEARCH = {"URL": ""}
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        call_command("rebuild_search_index")


def test_response_parsing_rechecks_hits_against_the_database(main_site, home_page):
    """Our parsing of a search response body (the documented shape of Elasticsearch's _search answer; no server):
    hits that are no longer live are dropped, the escaped highlight becomes the excerpt, facets get labels."""
    from tests.search.conftest import _page

    live = _page(home_page, "Levende pagina", "tekst")
    withdrawn = _page(home_page, "Ingetrokken pagina", "tekst", live=False)
    params = SearchParams(query="tekst")
    search = query.build_page_search(params, site=main_site, locale=current_locale())
    body = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "max_score": 1.0,
            "hits": [
                {
                    "_index": "los-nl",
                    "_id": str(withdrawn.pk),
                    "_score": 2.0,
                    "_source": {"page_id": withdrawn.pk, "family": "page"},
                },
                {
                    "_index": "los-nl",
                    "_id": str(live.pk),
                    "_score": 1.0,
                    "_source": {"page_id": live.pk, "family": "page"},
                    "highlight": {"body": ["de &lt;b&gt; <mark>tekst</mark>"]},
                },
            ],
        },
        "aggregations": {
            "_filter_type": {"doc_count": 2, "type": {"buckets": [{"key": "page", "doc_count": 2}]}},
            "_filter_theme": {"doc_count": 2, "theme": {"buckets": []}},
            "_filter_year": {"doc_count": 2, "year": {"buckets": [{"key": 2026, "doc_count": 2}]}},
        },
        "suggest": {"did_you_mean": [{"text": "tekst", "offset": 0, "length": 5, "options": []}]},
    }
    # Every facet the search defines answers (the news and publication families add their own, empty here).
    for name in search.facets:
        body["aggregations"].setdefault(f"_filter_{name}", {"doc_count": 2, name: {"buckets": []}})
    from elasticsearch.dsl.faceted_search_base import FacetedResponse

    result = FacetedResponse(search._s, body)
    result._faceted_search = search
    response = response_from(result, params, site=main_site, locale=current_locale())
    assert [h.title for h in response.hits] == ["Levende pagina"]
    assert response.hits[0].excerpt == "de &lt;b&gt; <mark>tekst</mark>"
    facets = {f.name: [(v.value, v.label, v.count) for v in f.values] for f in response.facets}
    assert facets["type"] == [("page", "Pagina", 2)]
    assert facets["year"] == [("2026", "2026", 2)]
    assert response.backend == "elasticsearch" and response.suggestion == ""
