"""The news on the home page, and the API with its filters."""

from __future__ import annotations

import pytest

from demo.generated import create_generated_news
from news.models import NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_featured_and_latest_news(client, news_index):
    html = client.get("/").content.decode()
    section = html.split('aria-labelledby="home-news-heading"')[1].split("</section>")[0]
    featured = NewsPage.objects.live().child_of(news_index).filter(featured=True)
    assert featured.count() == 3
    for page in featured:
        assert page.title in section
    latest = NewsPage.objects.live().child_of(news_index).filter(featured=False).order_by("-publication_date")
    assert latest.first().title.replace("'", "&#x27;") in section
    assert 'href="/nieuws/"' in section


def test_new_item_appears_on_the_home_page(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Vandaag: nieuw bericht")
    page.save_revision().publish()
    assert "Vandaag: nieuw bericht" in client.get("/").content.decode()


@pytest.mark.parametrize("extra", [0, 1000])
def test_home_page_query_budget_with_news(client, news_index, django_assert_max_num_queries, extra):
    create_generated_news(news_index, extra)
    client.get("/")
    with django_assert_max_num_queries(30):  # the home page's own budget (tests/home/test_pages.py)
        assert client.get("/").status_code == 200


def test_api_lists_news_with_fields(client):
    response = client.get(
        "/api/v2/pages/?type=news.NewsPage&fields=publication_date,kind,intro,theme_list,tag_list,source_url&limit=50"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) >= 25
    item = next(i for i in items if i["meta"]["slug"] == "reactie-strafbaarstelling-illegaal-verblijf")
    assert item["kind"] == "reactie"
    assert item["source_url"] == "https://nos.nl/"
    assert {"slug": "controle-en-detentie", "name": "Controle en detentie"} in item["theme_list"]
    assert {"slug": "strafbaarstelling", "name": "strafbaarstelling"} in item["tag_list"]


def _slugs(client, query: str) -> set[str]:
    response = client.get(f"/api/v2/pages/?type=news.NewsPage&locale=nl&limit=100&{query}")
    assert response.status_code == 200, response.content
    return {item["meta"]["slug"] for item in response.json()["items"]}


def test_api_filters_by_kind_theme_and_date(client, news_index):
    pages = NewsPage.objects.live().child_of(news_index)
    assert _slugs(client, "kind=media") == set(pages.filter(kind="media").values_list("slug", flat=True))
    assert _slugs(client, "theme=basisrechten") == set(
        pages.filter(themes__slug="basisrechten").values_list("slug", flat=True)
    )
    assert _slugs(client, "date_from=2026-06-01&date_to=2026-10-31") == set(
        pages.filter(publication_date__date__gte="2026-06-01", publication_date__date__lte="2026-10-31").values_list(
            "slug", flat=True
        )
    )
    combined = _slugs(client, "kind=reactie&theme=controle-en-detentie&date_from=2026-01-01")
    assert combined == set(
        pages.filter(kind="reactie", themes__slug="controle-en-detentie", publication_date__year=2026).values_list(
            "slug", flat=True
        )
    )
    assert combined
    both = _slugs(client, "theme=basisrechten,routes-naar-verblijf")
    assert both == set(
        pages.filter(themes__slug__in=["basisrechten", "routes-naar-verblijf"]).values_list("slug", flat=True)
    )
    assert _slugs(client, "theme=bestaat-niet") == set()


@pytest.mark.parametrize(
    "query",
    [
        "type=news.NewsPage&date_from=gisteren",
        "type=news.NewsPage&date_from=2026-13-45",
        "type=news.NewsPage&theme=%00",
        "type=news.NewsPage&theme=<b>",
        "type=news.NewsPage&kind=%00",
        "theme=basisrechten",  # only news declares this filter
    ],
)
def test_api_bad_filter_values_are_400(client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert "message" in response.json()


def test_microsite_news_are_the_flagged_items(news_index):
    from news.listing import microsite_news

    flagged = NewsPageFactory(parent=news_index, title="Voor iLegalevrouw", show_on_microsite=True)
    flagged.save_revision().publish()
    titles = [page.title for page in microsite_news(limit=50)]
    assert titles[0] == "Voor iLegalevrouw"
    expected = NewsPage.objects.live().filter(show_on_microsite=True).count()
    assert len(titles) == expected and expected >= 2  # the demo flags some media and case-law items
