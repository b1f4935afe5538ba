"""Content families are registered, not hard-coded: a test-only family shows up in results and facets."""

from __future__ import annotations

import pytest
from django.core.exceptions import FieldDoesNotExist

from search import registry, service
from search.registry import FamilyFacet, SearchFamily
from search.results import SearchParams, highlight

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_family():
    family = registry.register(SearchFamily(model_label="home.HomePage", key="home", text_fields=("intro",)))
    yield family
    registry.unregister("home")


def test_content_pages_are_registered():
    assert "home.ContentPage" in {f.model_label for f in registry.families()}


def test_news_and_publications_are_registered_families():
    """A renamed field in news or research would silently drop them from search: this test catches that."""
    from search.search_families import FAMILIES

    registered = {f.key for f in registry.families()}
    assert {family.key for family in FAMILIES} <= registered
    assert {"news", "publication", "page"} <= registered


def test_registered_family_is_searched_and_faceted(home_family, main_site):
    response = service.search(SearchParams(query="ongedocumenteerden steunpunt"), site=main_site)
    home_hits = [h for h in response.hits if h.type == "home"]
    assert home_hits and home_hits[0].type_label == "Homepagina"
    types = {v.value: v.count for f in response.facets if f.name == "type" for v in f.values}
    assert types.get("home") == 1
    only_home = service.search(SearchParams(query="ongedocumenteerden", filters={"type": ["home"]}), site=main_site)
    assert {h.type for h in only_home.hits} == {"home"}


def test_unregistered_family_is_not_searched(main_site):
    response = service.search(SearchParams(query="ongedocumenteerden steunpunt"), site=main_site)
    assert all(h.type != "home" for h in response.hits)


def test_family_fields_are_validated():
    with pytest.raises(FieldDoesNotExist):
        registry.register(SearchFamily(model_label="home.ContentPage", key="bad", date_field="nope"))
    with pytest.raises(ValueError, match="no choices"):
        registry.register(
            SearchFamily(model_label="home.ContentPage", key="bad", facets=(FamilyFacet("kind", "title", "x"),))
        )
    assert "bad" not in {f.key for f in registry.families()}


def test_highlight_escapes_before_marking():
    excerpt = highlight('Zorg <script>alert("x")</script> voor uitzettingen & meer', "uitzetting zorg")
    assert excerpt.startswith("<mark>Zorg</mark> &lt;script&gt;")
    assert "<mark>uitzettingen</mark> &amp; meer" in excerpt


def test_highlight_is_accent_insensitive_and_windows_long_text():
    text = "woord " * 100 + "de beïnvloeding van beleid " + "woord " * 100
    excerpt = highlight(text, "beinvloeding")
    assert "<mark>beïnvloeding</mark>" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert len(excerpt) < 320


def test_query_budget_does_not_grow_with_results(main_site, home_page, django_assert_max_num_queries, client):
    from tests.search.conftest import _page

    for n in range(3):
        _page(home_page, f"Budget {n}", "budgettoets", slug=f"budget-{n}")
    client.get("/zoeken/", {"q": "budgettoets"})  # warm up: footer logo renditions are made on first use
    with django_assert_max_num_queries(45):
        client.get("/zoeken/", {"q": "budgettoets"})
    for n in range(3, 30):
        _page(home_page, f"Budget {n}", "budgettoets", slug=f"budget-{n}")
    with django_assert_max_num_queries(45):
        response = client.get("/zoeken/", {"q": "budgettoets"})
    assert "30 resultaten" in response.content.decode()
