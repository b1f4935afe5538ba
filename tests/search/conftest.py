"""Search fixtures: a small corpus of content pages with known words, themes and dates, plus pages that must
never be found (draft, private, other language, other site)."""

from __future__ import annotations

import datetime
import os

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import ContentPage, Theme
from search.backends.elastic import connection, index
from search.models import SearchTermCount


def _page(parent: Page, title: str, intro: str, *, checked=None, themes=(), live=True, slug=None) -> ContentPage:
    page = ContentPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-")[:50],
        intro=intro,
        last_checked=checked,
        themes=list(themes),
        live=live,
    )
    parent.add_child(instance=page)
    return page


BACKENDS = ["database"]
if os.environ.get("ELASTICSEARCH_URL"):
    BACKENDS.append("elasticsearch")


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    """The contract suite runs on the database backend always, and on Elasticsearch when it is configured."""
    if request.param == "elasticsearch":
        url = os.environ.get("ELASTICSEARCH_URL")
        if not url:
            pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch cluster to run the contract suite against")
        settings.SEARCH_ELASTICSEARCH = {**settings.SEARCH_ELASTICSEARCH, "URL": url, "INDEX_PREFIX": "los-test"}
    else:
        settings.SEARCH_ELASTICSEARCH = {**settings.SEARCH_ELASTICSEARCH, "URL": ""}
    connection.reset_client()
    yield request.param
    connection.reset_client()


@pytest.fixture
def unreachable(settings):
    """Elasticsearch configured on a port where nothing answers: every call fails fast (the fall-back path)."""
    settings.SEARCH_ELASTICSEARCH = {"URL": "http://127.0.0.1:1", "INDEX_PREFIX": "los", "TIMEOUT": 1}
    connection.reset_client()
    yield
    connection.reset_client()


@pytest.fixture
def corpus(home_page, microsite, backend):
    """Pages with known words. Returns a dict of the interesting pages by name."""
    cache.clear()
    SearchTermCount.objects.all().delete()
    nl = Locale.objects.get(language_code="nl")
    rights, _ = Theme.objects.get_or_create(slug="basisrechten", locale=nl, defaults={"name": "Basisrechten"})
    detention, _ = Theme.objects.get_or_create(slug="detentie", locale=nl, defaults={"name": "Detentie"})
    pages = {
        "zorg": _page(
            home_page,
            "Medische zorg zonder verblijfsvergunning",
            "Artsen verlenen medisch noodzakelijke zorg. Over de beïnvloeding van beleid door het Xylofoonfonds.",
            checked=datetime.date(2025, 3, 1),
            themes=[rights],
        ),
        "uitzetting": _page(
            home_page,
            "Uitzetting en detentie",
            "Wat er gebeurt bij uitzettingen uit de opvang en bij detentie. <b>Vet</b> & xylofoonfonds.",
            checked=datetime.date(2024, 5, 1),
            themes=[detention],
        ),
        "draft": _page(home_page, "Concept xylofoonfonds", "Niet gepubliceerd xylofoonfonds.", live=False),
        "private": _page(home_page, "Besloten xylofoonfonds", "Alleen voor leden: xylofoonfonds."),
    }
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="password", password="geheim")
    en = Locale.objects.get(language_code="en")
    english_home = home_page.get_translations().filter(locale=en).first()
    if english_home is not None:
        pages["english"] = _page(english_home.specific, "English xylofoonfonds", "English page xylofoonfonds.")
    pages["microsite"] = _page(microsite.root_page, "Microsite xylofoonfonds", "Microsite xylofoonfonds.")
    if backend == "elasticsearch":
        index.rebuild()
    return pages
