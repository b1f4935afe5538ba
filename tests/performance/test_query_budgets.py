"""Query budgets for every public page type, checked at two data sizes (issue 11, item 1).

Each case renders one page with N items of every kind it shows (news, events, publications, funders, child
pages, each with an image and themes where the model has them), then with 3N. The number of queries must be
the SAME at both sizes (a page whose count grows with its items has an N+1 somewhere) and stay under the
page's budget. Listings are also measured filtered down to the new items (3N stays under a page of results),
because a full first page hides an N+1 behind pagination: there only the budget would catch it. Every page is
requested once before counting, as in production: renditions are created on first view and the shared
fragments (menu, footer) come from the cache afterwards.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import CampaignPage, MicrositeHomePage, MicrositePage, ProjectPage
from demo import MICROSITE_HOSTNAME
from home.models import ContentPage, Theme
from news.models import NewsIndexPage
from research.models import FunderIndexPage, PublicationIndexPage
from tests.factories.events import EventFactory
from tests.factories.news import NewsPageFactory
from tests.factories.pages import ContentPageFactory
from tests.factories.research import FunderFactory, PublicationPageFactory, add_author

N = 3  # items of each kind in the small data set; the large one has 3N


class World:
    """Adds items of every kind to the demo site, each linked the way real content is (themes, images)."""

    def __init__(self) -> None:
        from wagtail.models import Site

        self.site = Site.objects.get(is_default_site=True)
        self.home = self.site.root_page.specific
        self.themes = list(Theme.objects.filter(locale=self.home.locale))
        self.news_index = NewsIndexPage.objects.child_of(self.home).get()
        self.publication_index = PublicationIndexPage.objects.child_of(self.home).get()
        self.campaign = CampaignPage.objects.get(slug="zorg-in-detentie")
        self.project = ProjectPage.objects.get(slug="meldpunt-vreemdelingendetentie")
        self.about = ContentPage.objects.get(slug="over-los", locale=self.home.locale)
        self.microsite_home = MicrositeHomePage.objects.get(locale=self.home.locale)
        self.counter = 0
        self.first: dict[str, object] = {}

    def _n(self) -> int:
        self.counter += 1
        return self.counter

    def news(self, count: int) -> None:
        for _ in range(count):
            n = self._n()
            page = NewsPageFactory(
                parent=self.news_index,
                title=f"Budget: bericht {n}",
                listing_image=wagtail_factories.ImageFactory(),
                listing_image_alt="Foto",
                related_page=self.campaign,
                publication_date=timezone.now() - datetime.timedelta(minutes=n),
            )
            page.themes.set(self.themes)
            page.tags.add(f"budget-{n}", "budget")
            page.save_revision().publish()
            self.first.setdefault("news", page)

    def events(self, count: int) -> None:
        for _ in range(count):
            n = self._n()
            event = EventFactory(
                title=f"Budgetbijeenkomst {n}", city="Budgetstad", start=timezone.now() + datetime.timedelta(days=n)
            )
            event.themes.set(self.themes)
            self.first.setdefault("event", event)

    def publications(self, count: int) -> None:
        for _ in range(count):
            n = self._n()
            funder = FunderFactory(name=f"Budgetfonds {n}")
            page = PublicationPageFactory(
                parent=self.publication_index,
                title=f"Budget: publicatie {n}",
                cover_image=wagtail_factories.ImageFactory(),
                related_project=self.project,
                publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            )
            page.themes.set(self.themes)
            page.funders.set([funder])
            add_author(page, f"Auteur {n}")
            add_author(page, f"Tweede auteur {n}")
            page.save_revision().publish()
            self.first.setdefault("publication", page)

    def funders(self, count: int) -> None:
        """Funders thanked in the footer strip and on the funders page, each with a logo and a publication."""
        for _ in range(count):
            n = self._n()
            funder = FunderFactory(name=f"Stripfonds {n}", show_in_footer=True, footer_order=100 + n)
            page = PublicationPageFactory(parent=self.publication_index, title=f"Gefinancierd {n}")
            page.funders.set([funder])
            page.save_revision().publish()

    def content_children(self, count: int) -> None:
        for _ in range(count):
            n = self._n()
            ContentPageFactory(parent=self.about, title=f"Onderdeel {n}", intro="Een onderdeel.")

    def microsite_children(self, count: int) -> None:
        for _ in range(count):
            n = self._n()
            page = MicrositePage(
                title=f"Onderwerp {n}", slug=f"onderwerp-{n}", intro="Een onderwerp.", show_in_menus=True
            )
            self.microsite_home.add_child(instance=page)
            page.save_revision().publish()


@dataclass(frozen=True)
class Case:
    """One page type: how to grow what it shows, where it lives, its absolute budget."""

    name: str
    grow: tuple[str, ...]
    url: Callable[[World], str]
    budget: int
    marker: str  # text the page shows once the items exist, so the count measures a page that lists them
    host: str = "localhost"


CASES = [
    Case("home", ("news", "events", "publications", "funders"), lambda w: "/", 30, "Stripfonds"),
    Case("content", ("content_children", "funders"), lambda w: "/over-los/", 30, "Onderdeel"),
    Case("news_index", ("news",), lambda w: "/nieuws/", 30, "Budget: bericht"),
    Case("news_filtered", ("news",), lambda w: "/nieuws/?theme=basisrechten&tag=budget", 30, "Budget: bericht"),
    Case("news_page", ("news",), lambda w: w.first["news"].url, 12, "Budget: bericht"),
    Case("publication_index", ("publications",), lambda w: "/publicaties/", 35, "Budget: publicatie"),
    Case("publication_search", ("publications",), lambda w: "/publicaties/?q=budget", 35, "Budget: publicatie"),
    Case("publication_page", ("publications",), lambda w: w.first["publication"].url, 12, "Auteur"),
    Case("agenda", ("events",), lambda w: "/agenda/", 30, "Budgetbijeenkomst"),
    Case("agenda_filtered", ("events",), lambda w: "/agenda/?plaats=Budgetstad", 30, "Budgetbijeenkomst"),
    # In English every event is looked up in translation: one query for the page, whatever its length.
    Case("agenda_english", ("events",), lambda w: "/en/events/", 30, "Budgetbijeenkomst"),
    Case(
        "event_detail",
        ("events",),
        lambda w: f"/agenda/{w.first['event'].pk}-{w.first['event'].slug}/",
        12,
        "Budgetbijeenkomst",
    ),
    Case("campaign", ("news", "events", "publications"), lambda w: w.campaign.url, 12, "Budget: bericht"),
    Case("project", ("news", "events", "publications"), lambda w: w.project.url, 35, "Budget: publicatie"),
    Case("microsite_home", ("microsite_children",), lambda w: "/", 25, "Onderwerp", MICROSITE_HOSTNAME),
    Case("search", ("news",), lambda w: "/zoeken/?q=budget", 45, "Budget: bericht"),
    Case("funders", ("funders",), lambda w: FunderIndexPage.objects.get(locale=w.home.locale).url, 35, "Stripfonds"),
]


def _count_queries(client, url: str, case: Case) -> tuple[int, list[str]]:
    assert client.get(url, HTTP_HOST=case.host).status_code == 200  # warm: renditions, fragments
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=case.host)
    assert response.status_code == 200, url
    assert case.marker in response.content.decode(), f"{case.name}: {url} does not show the items it should"
    return len(queries), [q["sql"] for q in queries.captured_queries]


# The cases share worlds: building one (factory images, publishing pages) is what a case costs. A page does not
# show the other kinds' items, except the funders in every footer, which the home case grows anyway, so one
# world with every kind serves all cases but search: it finds whatever matches "budget", and other kinds among
# its results would change which results fill the page between the sizes; it keeps a world of news only.
OWN_WORLD = {"search"}
WORLDS: dict[str, list[Case]] = {}
for _case in CASES:
    WORLDS.setdefault(_case.name if _case.name in OWN_WORLD else "shared", []).append(_case)


@pytest.mark.parametrize("cases", WORLDS.values(), ids=WORLDS.keys())
def test_query_count_is_the_same_at_n_and_3n_items(db, client, cases: list[Case]):
    """Each case counted at N and at 3N of everything its world grows; all failures listed at once."""
    kinds = tuple(dict.fromkeys(kind for case in cases for kind in case.grow))
    world = World()
    for kind in kinds:
        getattr(world, kind)(N)
    urls = [case.url(world) for case in cases]
    small = [_count_queries(client, url, case) for case, url in zip(cases, urls, strict=True)]

    for kind in kinds:
        getattr(world, kind)(2 * N)
    failures = []
    for case, url, (small_count, small_sql) in zip(cases, urls, small, strict=True):
        large, large_sql = _count_queries(client, url, case)
        if large != small_count:
            failures.append(
                f"{case.name}: {small_count} queries with {N} items, {large} with {3 * N}: an N+1.\n"
                + "\n".join(sql for sql in large_sql if sql not in small_sql)
            )
        elif large > case.budget:
            failures.append(f"{case.name}: {large} queries, budget {case.budget}:\n" + "\n".join(large_sql))
    assert not failures, "\n\n".join(failures)
