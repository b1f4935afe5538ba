"""The news listing's cards come from the fragment cache (news.listing.news_cards) and follow every change at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsPage

pytestmark = pytest.mark.django_db


def _first_item(news_index) -> NewsPage:
    return NewsPage.objects.live().child_of(news_index).order_by("-publication_date", "-pk").first()


def _theme_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/nieuws/").status_code == 200
    return sum('"home_theme"' in q["sql"] for q in queries.captured_queries)


def test_a_second_view_renders_no_card(client):
    assert _theme_queries(client) > 0  # the cards' themes
    assert _theme_queries(client) == 0


def test_publishing_a_new_title_shows_in_the_cached_card_at_once(client, news_index):
    client.get("/nieuws/")
    item = _first_item(news_index)
    item.title = "Kaart opnieuw gemaakt"
    item.save_revision().publish()
    assert ">Kaart opnieuw gemaakt</a>" in client.get("/nieuws/").content.decode()


def test_renaming_a_theme_shows_in_the_cached_card_at_once(client, news_index):
    item = _first_item(news_index)
    theme = item.themes.first()
    assert theme is not None
    client.get("/nieuws/")
    theme.name = "Hernoemd thema"
    theme.save()
    cards = client.get("/nieuws/").content.decode().split('<ol class="news-list">')[1].split("</ol>")[0]
    assert "Hernoemd thema" in cards


def test_cards_follow_the_language(client):
    client.get("/nieuws/")
    assert 'lang="en"' in client.get("/en/news/").content.decode()[:300]
    assert "/en/news/" in client.get("/en/news/").content.decode().split('<ol class="news-list">')[1]
