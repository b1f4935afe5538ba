"""RSS 2.0 and Atom feeds, parsed by a real feed parser (feedparser), and their autodiscovery links."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import feedparser
import pytest

from news.models import NewsPage

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/nieuws/feed/rss/", "rss20", "application/rss+xml"),
    ("/nieuws/feed/atom/", "atom10", "application/atom+xml"),
]


def _parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")  # well-formed XML, nothing feedparser had to repair
    return response, parsed


@pytest.mark.parametrize(("path", "version", "content_type"), FEEDS)
def test_feed_is_valid_with_absolute_links_dates_and_summaries(client, news_index, path, version, content_type):
    response, feed = _parse(client, path)
    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert feed.feed.title.startswith("Nieuws")
    newest = NewsPage.objects.live().child_of(news_index).order_by("-publication_date")
    assert len(feed.entries) == min(30, newest.count())
    first = newest.first()
    entry = feed.entries[0]
    assert entry.title == first.title
    assert entry.summary == first.intro
    assert urlparse(entry.link).scheme == "http" and urlparse(entry.link).netloc
    assert entry.link.endswith(f"/nieuws/{first.slug}/")
    assert entry.published_parsed[:3] == first.publication_date.utctimetuple()[:3]
    assert {tag.term for tag in entry.tags} >= {first.kind_label}
    for entry in feed.entries:
        assert entry.link.startswith("http")
        assert entry.get("published_parsed") and entry.get("summary")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_theme_feed_has_only_that_theme(client, news_index, kind):
    _, feed = _parse(client, f"/nieuws/feed/controle-en-detentie/{kind}/")
    assert "Controle en detentie" in feed.feed.title
    expected = NewsPage.objects.live().child_of(news_index).filter(themes__slug="controle-en-detentie")
    assert {entry.title for entry in feed.entries} == set(expected.values_list("title", flat=True)[:30])
    assert all("Controle en detentie" in {tag.term for tag in entry.tags} for entry in feed.entries)


def test_unknown_theme_feed_is_a_clean_404(client):
    assert client.get("/nieuws/feed/bestaat-niet/rss/").status_code == 404


def test_english_feed_lists_english_items(client):
    _, feed = _parse(client, "/en/news/feed/rss/")
    assert feed.entries
    assert all("/en/news/" in entry.link for entry in feed.entries)


@pytest.mark.parametrize("path", ["/nieuws/", "/nieuws/meldpunt-jaarrapport-2026/", "/"])
def test_autodiscovery_links(client, path):
    html = client.get(path).content.decode()
    for kind in ("rss", "atom"):
        pattern = rf'<link rel="alternate" type="application/{kind}\+xml" title="[^"]+" href="/nieuws/feed/{kind}/">'
        assert re.search(pattern, html)


def test_filtered_listing_also_announces_its_theme_feed(client):
    html = client.get("/nieuws/?theme=basisrechten").content.decode()
    assert 'href="/nieuws/feed/basisrechten/rss/"' in html


def test_feed_query_count_is_constant(client, news_index, django_assert_max_num_queries):
    from demo.generated import create_generated_news

    client.get("/nieuws/feed/rss/")
    with django_assert_max_num_queries(12) as small:
        client.get("/nieuws/feed/rss/")
    create_generated_news(news_index, 200)
    with django_assert_max_num_queries(len(small)):
        client.get("/nieuws/feed/rss/")


@pytest.mark.parametrize(("path", "version", "content_type"), FEEDS)
def test_a_title_pasted_from_word_does_not_break_the_feed(client, news_index, path, version, content_type):
    """Word's line break is a vertical tab, which XML cannot hold: Django's writer refused the whole feed (a 500
    for every reader) until the item was edited. The feed now shows it as a space."""
    item = NewsPage.objects.live().child_of(news_index).order_by("-publication_date").first()
    item.title = "Nieuwe regels\x0bvoor de opvang"
    item.intro = "Eerste regel\x0btweede regel\x08."
    item.save_revision().publish()
    _response, feed = _parse(client, path)
    entry = next(entry for entry in feed.entries if entry.link.endswith(f"/nieuws/{item.slug}/"))
    assert (entry.title, entry.summary) == ("Nieuwe regels voor de opvang", "Eerste regel tweede regel.")
