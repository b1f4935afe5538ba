"""The page cache for anonymous visitors (issue 18, item 1; caching/page_cache.py).

Visitors are fresh clients without cookies, as on the real site. Every change an editor makes must reach the next
visitor at once; editors, previews, personal searches and anything that sets a cookie never touch the cache.
"""

from __future__ import annotations

import datetime

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import Page, PageViewRestriction

from caching import page_cache
from campaigns.models import SignupFormPage
from demo import MICROSITE_HOSTNAME
from events.models import Event, ImportBatch
from home.models import OrganisationSettings, SiteTexts, Theme
from news.models import NewsPage
from tests.factories.research import FunderFactory

pytestmark = pytest.mark.django_db

HIT = page_cache.HIT_HEADER


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def visit(path: str, **extra) -> HttpResponse:
    """One anonymous visitor: a new client, no cookies."""
    return Client().get(path, **extra)


def twice(path: str, **extra) -> HttpResponse:
    """Visit `path` until it is in the cache; the cached response."""
    assert visit(path, **extra).status_code == 200, path
    response = visit(path, **extra)
    assert response[HIT] == "hit", path
    return response


def news_item() -> NewsPage:
    return NewsPage.objects.live().filter(locale__language_code="nl").order_by("-publication_date").first()


def event_url() -> str:
    event = Event.objects.filter(locale__language_code="nl").order_by("pk").first()
    return f"/agenda/{event.pk}-{event.slug}/"


def page_paths() -> list[str]:
    from campaigns.models import CampaignPage
    from research.models import PublicationPage

    return [
        "/",
        "/nieuws/",
        "/nieuws/?theme=basisrechten&page=1",
        news_item().url,
        "/publicaties/",
        PublicationPage.objects.live().filter(locale__language_code="nl").first().url,
        "/agenda/",
        event_url(),
        CampaignPage.objects.get(slug="zorg-in-detentie").url,
        "/over-los/",
        "/en/",
        "/en/news/",
    ]


# Served from the cache -------------------------------------------------------------------------------------------


def test_every_page_type_is_served_from_the_cache_with_at_most_two_queries(django_assert_max_num_queries):
    for path in page_paths():
        first = visit(path)
        assert first.status_code == 200, path
        with django_assert_max_num_queries(2):
            again = visit(path)
        assert again[HIT] == "hit", path
        assert again.content == first.content, path
        assert again["Content-Type"] == first["Content-Type"]


def test_the_microsite_and_each_language_have_their_own_copy():
    dutch = twice("/").content
    microsite = twice("/", HTTP_HOST=MICROSITE_HOSTNAME).content
    english = twice("/en/").content
    assert len({dutch, microsite, english}) == 3
    assert visit("/").content == dutch


def test_cached_pages_carry_no_cookie_and_keep_public_cache_control():
    response = twice("/nieuws/")
    assert response[HIT] == "hit"
    assert not response.cookies and "Set-Cookie" not in response
    assert "public" in response["Cache-Control"] and "Cookie" in response["Vary"]
    assert "Content-Security-Policy" in response  # the outer middleware still runs on a cached page


def test_a_response_that_sets_a_cookie_is_never_stored(rf):
    def view(request):
        page_cache.declare(request, ())
        response = HttpResponse("hallo")
        response.set_cookie("tracker", "1")
        return response

    middleware = page_cache.PageCacheMiddleware(view)
    for _ in range(2):
        response = middleware(rf.get("/ergens/"))
        assert HIT not in response
    assert middleware(RequestFactory().get("/ergens/")).cookies  # rendered again, never from the cache


def test_a_response_that_needs_a_csrf_cookie_is_never_stored(rf):
    def view(request):
        page_cache.declare(request, ())
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        return HttpResponse("formulier")

    middleware = page_cache.PageCacheMiddleware(view)
    middleware(rf.get("/formulier/"))
    assert HIT not in middleware(rf.get("/formulier/"))


# Query parameters ------------------------------------------------------------------------------------------------


def test_declared_parameters_are_part_of_the_key():
    first = twice("/nieuws/?page=1")
    assert first[HIT] == "hit"
    assert HIT not in visit("/nieuws/?page=2")
    assert visit("/nieuws/?page=2")[HIT] == "hit"


@pytest.mark.parametrize(
    "path",
    [
        "/nieuws/?onbekend=1",  # a parameter the page does not read
        "/publicaties/?q=detentie",  # a personal search
        "/zoeken/?q=opvang",  # the search page is no Wagtail page and never opts in
        "/nieuws/?page=" + "9" * 600,  # a query string too long to be anyone's link
    ],
)
def test_personal_or_unknown_parameters_are_never_cached(path):
    assert visit(path).status_code in (200, 404)
    assert HIT not in visit(path)


@pytest.mark.parametrize("query", ["page=%00", "theme=%ff%fe", "tag=<script>", "page=1&page=2", "year=-1"])
def test_hostile_values_of_declared_parameters_never_break_the_cache(query):
    first = visit(f"/nieuws/?{query}")
    assert first.status_code in (200, 400, 404)  # 400: unusable bytes (security/bad_input.py)
    again = visit(f"/nieuws/?{query}")
    assert again.status_code == first.status_code
    assert again.content == first.content


def test_unknown_parameters_create_no_keys():
    from django.core.cache import cache

    for n in range(5):
        visit(f"/nieuws/?x{n}={n}")
    assert not [key for key in cache._cache if ":page:" in key]  # local memory in tests
    visit("/nieuws/")
    assert len([key for key in cache._cache if ":page:" in key]) == 1


def test_campaign_link_tags_are_ignored():
    visit("/nieuws/")
    assert visit("/nieuws/?utm_source=nieuwsbrief&fbclid=abc")[HIT] == "hit"


def test_a_page_can_opt_out(monkeypatch):
    from home.models import ContentPage

    monkeypatch.setattr(ContentPage, "cache_for_visitors", False, raising=False)
    visit("/over-los/")
    assert HIT not in visit("/over-los/")


# Editors, previews, forms ----------------------------------------------------------------------------------------


def test_logged_in_editors_are_never_served_a_cached_page(admin_client):
    visit("/nieuws/")
    response = admin_client.get("/nieuws/")
    assert HIT not in response
    assert response["Cache-Control"] == "private, no-store"
    assert HIT not in admin_client.get("/nieuws/")  # nor is their own page stored for them
    assert visit("/nieuws/")[HIT] == "hit"  # and the visitors' copy is still the visitors'


def test_a_page_seen_by_an_editor_is_not_stored_for_visitors(admin_client):
    admin_client.get("/agenda/")
    assert HIT not in visit("/agenda/")


def test_previews_show_the_draft_not_the_cached_page(admin_client):
    item = news_item()
    visit(item.url)
    item.title = "Conceptkop die nog niet live is"
    revision = item.save_revision()
    preview = admin_client.get(f"/admin/pages/{item.pk}/revisions/{revision.pk}/view/")
    assert HIT not in preview
    assert "Conceptkop die nog niet live is" in preview.content.decode()
    assert "Conceptkop die nog niet live is" not in visit(item.url).content.decode()


def test_answers_to_posts_are_never_cached():
    petition = SignupFormPage.objects.get(slug="petitie")
    visit(petition.url)
    response = Client().post(petition.url, {})
    assert HIT not in response


# Invalidation: what an editor changes, the next visitor sees -----------------------------------------------------


def test_publishing_shows_the_new_version_at_once():
    item = news_item()
    assert twice(item.url)[HIT] == "hit"
    twice("/nieuws/")
    item.title = "Een nieuwe kop voor dit bericht"
    item.save_revision().publish()
    assert "Een nieuwe kop voor dit bericht" in visit(item.url).content.decode()
    assert "Een nieuwe kop voor dit bericht" in visit("/nieuws/").content.decode()


def test_unpublishing_removes_the_page_at_once():
    item = news_item()
    twice(item.url)
    item.unpublish()
    assert visit(item.url).status_code == 404
    assert item.title not in visit("/nieuws/").content.decode()


def test_moving_and_deleting_pages_reach_the_next_visitor(home_page):
    item = news_item()
    old_url = item.url
    twice(old_url)
    about = Page.objects.child_of(home_page).get(slug="over-los")
    item.move(about, pos="last-child")
    assert visit(old_url).status_code in (301, 404)  # Wagtail leaves a redirect to the new place
    moved = Page.objects.get(pk=item.pk)
    twice(moved.url)
    moved.delete()
    assert visit(moved.url).status_code == 404


def test_making_a_page_private_removes_it_from_the_cache():
    item = news_item()
    twice(item.url)
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    assert visit(item.url).status_code == 302


def test_editing_a_theme_changes_the_next_visitors_page():
    theme = Theme.objects.filter(locale__language_code="nl").first()
    twice("/nieuws/")
    theme.name = "Hernoemd thema"
    theme.save()
    assert "Hernoemd thema" in visit("/nieuws/").content.decode()


def test_editing_a_funder_changes_the_next_visitors_page(main_site):
    funder = FunderFactory(
        name="Fonds in de voet", logo_alt="Logo van het fonds in de voet", show_in_footer=True, footer_order=99
    )
    assert "Logo van het fonds in de voet" in twice("/").content.decode()
    funder.logo_alt = "Vernieuwde alt-tekst"
    funder.save()
    assert "Vernieuwde alt-tekst" in visit("/").content.decode()


def test_editing_site_texts_and_settings_changes_the_next_visitors_page(main_site):
    twice("/over-los/")
    texts = SiteTexts.objects.get(site=main_site, locale__language_code="nl")
    texts.footer_text = "Een verse voettekst."
    texts.save()
    assert "Een verse voettekst." in visit("/over-los/").content.decode()
    twice("/over-los/")
    organisation = OrganisationSettings.for_site(main_site)
    organisation.email = "ander-adres@example.org"
    organisation.save()
    assert "ander-adres@example.org" in visit("/over-los/").content.decode()


def test_new_events_and_imports_reach_the_agenda_at_once():
    from tests.factories.events import EventFactory

    twice("/agenda/")
    event = EventFactory(title="Vers toegevoegde bijeenkomst", start=datetime.datetime.now(datetime.UTC))
    assert "Vers toegevoegde bijeenkomst" in visit("/agenda/").content.decode()
    twice("/agenda/")
    # A bulk import writes without signals; its batch is saved when it finishes.
    Event.objects.filter(pk=event.pk).update(title="Bulk bijgewerkte bijeenkomst")
    ImportBatch.objects.create(file_name="agenda.csv")
    assert "Bulk bijgewerkte bijeenkomst" in visit("/agenda/").content.decode()


def test_a_sign_up_moves_the_counter_for_the_next_visitor():
    petition = SignupFormPage.objects.get(slug="petitie")
    before = twice(petition.url)
    assert before[HIT] == "hit"
    response = Client().post(
        f"/aanmelden/{petition.pk}/",
        {"naam": "Fatima", "woonplaats": "Utrecht", "privacy_consent": "on", "hp_website": ""},
    )
    assert response.status_code == 302
    after = visit(petition.url)
    assert HIT not in after
    number = SignupFormPage.objects.get(pk=petition.pk).public_count
    assert f'<strong class="signup-counter__number">{number}</strong>' in after.content.decode()
    assert f'<strong class="signup-counter__number">{number}</strong>' not in before.content.decode()


def test_a_new_day_is_a_new_page(monkeypatch):
    """'Upcoming' lists and funder periods move at midnight: today's date is part of the key."""
    twice("/agenda/")
    tomorrow = (datetime.date.fromisoformat(page_cache._today()) + datetime.timedelta(days=1)).isoformat()
    monkeypatch.setattr(page_cache, "_today", lambda: tomorrow)
    assert HIT not in visit("/agenda/")
