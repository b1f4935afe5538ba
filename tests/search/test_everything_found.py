"""Every kind of page a visitor can open is found by words of its title (issue 26), on the site it belongs to:
the microsite searches only its own pages, in each of its languages (issue 21), and never links off the microsite."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Locale, Page

from search import registry, service
from search.results import SearchParams
from search.scope import site_root_paths

pytestmark = pytest.mark.django_db


def title_words(title: str) -> str:
    """The two longest words of a title: words a visitor would type for it."""
    words = sorted({w for w in re.findall(r"\w+", title) if len(w) > 2 and not w.isdigit()}, key=len, reverse=True)
    return " ".join(words[:2])


def found(page, site, locale, family_key=None):
    filters = {"type": [family_key]} if family_key else {}
    response = service.search(
        SearchParams(query=title_words(page.title), per_page=50, filters=filters), site=site, locale=locale
    )
    return [hit.page.pk for hit in response.hits]


def pages_on(site, locale, model):
    pages = model.objects.live().public().filter(locale=locale)
    paths = site_root_paths(site, locale)
    return [page for page in pages if any(page.path.startswith(path) for path in paths)]


def test_every_family_and_page_type_is_found_by_its_title(main_site):
    nl = Locale.objects.get(language_code="nl")
    checked = []
    for family in registry.families():
        for model in family.models:
            pages = pages_on(main_site, nl, model)
            if not pages:
                continue  # a microsite type: see the microsite test
            page = pages[0]
            assert page.pk in found(page, main_site, nl, family.key), (model.__name__, page.title)
            checked.append(model.__name__)
    for expected in (
        "CampaignPage",
        "ProjectPage",
        "ContentPage",
        "NewsPage",
        "PublicationPage",
        "FunderIndexPage",
        "EventIndexPage",
    ):
        assert expected in checked


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_microsite_search_finds_each_microsite_page_by_its_title(microsite, language):
    locale = Locale.objects.get(language_code=language)
    roots = site_root_paths(microsite, locale)
    pages = [p for p in Page.objects.live().public().filter(locale=locale) if any(p.path.startswith(r) for r in roots)]
    assert len(pages) >= 3
    for page in pages:
        assert page.pk in found(page, microsite, locale), page.title


def test_microsite_results_stay_on_the_microsite(microsite, client):
    nl = Locale.objects.get(language_code="nl")
    roots = site_root_paths(microsite, nl)
    # A word on both sites: the microsite's search shows only its own pages.
    response = service.search(SearchParams(query="hulp", per_page=50), site=microsite, locale=nl)
    assert response.total
    assert all(any(hit.page.path.startswith(root) for root in roots) for hit in response.hits)
    html = client.get("/zoeken/", {"q": "hulp"}, HTTP_HOST=microsite.hostname).content.decode()
    assert "Waar zoek je naar?" in html
    links = re.findall(r'<a[^>]+href="(https?://[^"]+)"', html.split('class="search-results"')[1])
    assert all(microsite.hostname in link for link in links), links


def test_funders_page_is_found_by_a_funders_name(main_site):
    from research.models import Funder

    nl = Locale.objects.get(language_code="nl")
    funder = Funder.objects.filter(locale=nl).first()
    response = service.search(SearchParams(query=title_words(funder.name), per_page=50), site=main_site, locale=nl)
    assert "funders" in {hit.type for hit in response.hits}


def test_agenda_items_are_found_upcoming_first(main_site, client):
    import datetime

    from events.models import AMSTERDAM
    from tests.factories.events import EventFactory

    nl = Locale.objects.get(language_code="nl")
    past = EventFactory(title="Zwaluwoverleg Zuid", start=datetime.datetime(2020, 3, 1, 19, tzinfo=AMSTERDAM))
    later = EventFactory(title="Zwaluwoverleg Oost", start=datetime.datetime(2031, 3, 1, 19, tzinfo=AMSTERDAM))
    soon = EventFactory(title="Zwaluwoverleg Noord", start=datetime.datetime(2030, 3, 1, 19, tzinfo=AMSTERDAM))
    EventFactory(title="Zwaluwoverleg verborgen", published=False)
    for query in ("zwaluwoverleg", "Zwaluwoverleggen", "zwaluwoverleg noord"):
        response = service.search(SearchParams(query=query), site=main_site, locale=nl)
        section = {s.key: s for s in response.sections}["event"]
        assert section.hits[0].title == soon.title, query
    response = service.search(SearchParams(query="zwaluwoverleg"), site=main_site, locale=nl)
    section = response.sections[0]
    assert section.total == 3 and [hit.page.pk for hit in section.hits] == [soon.pk, later.pk, past.pk]
    assert all(hit.url.startswith("/agenda/") or "/" in hit.url for hit in section.hits)
    html = client.get("/zoeken/", {"q": "zwaluwoverleg"}).content.decode()
    assert "In de agenda" in html
    assert f'href="/agenda/{soon.pk}-zwaluwoverleg-noord/"' in html
    assert response.as_json()["sections"][0]["total"] == 3


def test_the_microsite_has_no_agenda_section(microsite):
    from tests.factories.events import EventFactory

    EventFactory(title="Regiobijeenkomst Microsite")
    response = service.search(
        SearchParams(query="regiobijeenkomst"), site=microsite, locale=Locale.objects.get(language_code="nl")
    )
    assert response.sections == []
