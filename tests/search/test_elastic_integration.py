"""Against a real Elasticsearch cluster: runs only when ELASTICSEARCH_URL is set (CI with a cluster, or a
developer's machine); skipped otherwise. The shared contract suite (test_contract.py) also runs against the
cluster then; these tests cover what only a cluster can show: analysis, synonyms, the alias swap, sync."""

from __future__ import annotations

import os

import pytest

from search.backends.elastic import connection, index
from search.backends.elastic.backend import ElasticsearchBackend
from search.models import SearchSettings
from search.results import SearchParams
from search.scope import current_locale

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster available for integration tests",
    ),
]


@pytest.fixture
def cluster(settings):
    settings.SEARCH_ELASTICSEARCH = {
        "URL": os.environ["ELASTICSEARCH_URL"],
        "INDEX_PREFIX": "los-test",
        "TIMEOUT": 10,
    }
    connection.reset_client()
    yield connection.client()
    for language in connection.LANGUAGES:
        connection.client().indices.delete(index=f"los-test-{language}-*", ignore_unavailable=True)
    connection.reset_client()


def test_dutch_analysis_stems_and_folds(cluster):
    index.rebuild()
    tokens = cluster.indices.analyze(index="los-test-nl", analyzer="los_nl", text="Uitzettingen beïnvloeding")
    assert [t["token"] for t in tokens["tokens"]] == ["uitzet", "beinvloed"]


def test_rebuild_swaps_the_alias(cluster):
    first = index.rebuild(stamp="1")
    second = index.rebuild(stamp="2")
    assert second["nl"]["replaced"] == [first["nl"]["index"]]
    assert list(cluster.indices.get_alias(name="los-test-nl")) == [second["nl"]["index"]]


def test_synonyms_from_the_setting(cluster, main_site, home_page):
    from tests.search.conftest import _page

    setting = SearchSettings.load()
    setting.synonyms_nl = "ongedocumenteerd, papierloos"
    setting.save()
    _page(home_page, "Papierloos in Utrecht", "Over papierloze mensen.")
    index.rebuild()
    params = SearchParams(query="ongedocumenteerd")
    response = ElasticsearchBackend().search(params, site=main_site, locale=current_locale())
    assert "Papierloos in Utrecht" in [h.title for h in response.hits]


def test_unpublish_removes_from_index(cluster, main_site, home_page, django_capture_on_commit_callbacks):
    from tests.search.conftest import _page

    page = _page(home_page, "Tijdelijke pagina", "eenmaligwoord")
    index.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    cluster.indices.refresh(index="los-test-nl")
    params = SearchParams(query="eenmaligwoord")
    response = ElasticsearchBackend().search(params, site=main_site, locale=current_locale())
    assert response.total == 0
