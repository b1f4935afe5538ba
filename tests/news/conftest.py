"""Fixtures for the news tests: the demo news index and helpers to add items."""

from __future__ import annotations

import pytest

from home.models import Theme
from news.models import NewsIndexPage


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    return NewsIndexPage.objects.child_of(home_page).get(slug="nieuws")


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    return {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="nl")}
