"""Themes are shown by their name in the visitor's language wherever they appear (item 6: listings and search
respect the current language). A translated page keeps its source's themes (synchronised), so the names are
looked up in the page's language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from home.models import Theme
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def _path(page) -> str:
    return page.get_url_parts()[2]


def _english_names() -> dict[str, str]:
    """Dutch theme name -> English name, from the demo's English themes."""
    english = Locale.objects.get(language_code="en")
    return {
        theme.name: theme.get_translation(english).name for theme in Theme.objects.filter(locale__language_code="nl")
    }


@pytest.fixture
def english_item() -> NewsPage:
    item = NewsPage.objects.live().filter(locale__language_code="en", themes__isnull=False).distinct().first()
    assert item is not None, "the demo has English news items with themes"
    return item


def test_an_english_news_item_and_its_card_name_their_themes_in_english(client, english_item):
    names = _english_names()
    themes = list(english_item.themes.all())
    assert themes and all(theme.locale.language_code == "nl" for theme in themes)  # synchronised from the source
    page = client.get(_path(english_item)).content.decode()
    listing = client.get(_path(english_item.get_parent())).content.decode()
    for theme in themes:
        assert f">{names[theme.name]}</a>" in page  # the taxonomy line
        assert f"<li>{names[theme.name]}</li>" in listing  # the news card
        assert f">{theme.name}<" not in page
    assert f"<li>{themes[0].name}</li>" in client.get("/nieuws/").content.decode()  # Dutch stays Dutch


def test_english_search_counts_and_names_themes_in_english(client, english_item):
    theme = english_item.themes.first()
    english_name = _english_names()[theme.name]
    with translation.override("en"):
        url = reverse("search")
    html = client.get(url, {"q": english_item.title.split()[0]}).content.decode()
    facet = f'name="theme" value="{theme.slug}"> {english_name} <span class="search-facets__count">('
    assert facet in html, "the English search lists the item's theme, in English, with a count"


def test_a_renamed_translation_shows_at_once(client, english_item):
    theme = english_item.themes.first()
    client.get(_path(english_item))  # names cached now
    english_theme = theme.get_translation(Locale.objects.get(language_code="en"))
    english_theme.name = "Fundamental rights"
    english_theme.save()
    assert ">Fundamental rights</a>" in client.get(_path(english_item)).content.decode()


def test_a_theme_without_translation_keeps_its_dutch_name(client, english_item):
    theme = english_item.themes.first()
    theme.get_translation(Locale.objects.get(language_code="en")).delete()
    assert f">{theme.name}</a>" in client.get(_path(english_item)).content.decode()


def test_the_english_feed_categorises_in_english(client, english_item):
    theme = english_item.themes.first()
    feed = client.get(_path(english_item.get_parent()) + "feed/rss/").content.decode()
    assert f"<category>{_english_names()[theme.name]}</category>" in feed


def test_filtering_the_english_search_by_a_theme_finds_english_items(client, english_item):
    theme = english_item.themes.first()
    with translation.override("en"):
        url = reverse("search")
    html = client.get(url, {"q": english_item.title.split()[0], "theme": theme.slug}).content.decode()
    assert english_item.title in html
    assert "checked" in html.split(f'value="{theme.slug}"')[1][:40]
