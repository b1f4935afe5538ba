"""Caching (issue 11, item 2): fragment cache of menu and footer, its invalidation, Cache-Control, Redis."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from caching import fragments, routing
from demo import MICROSITE_HOSTNAME
from home.models import MainMenuItem, NavigationSettings, OrganisationSettings, SiteTexts
from tests.factories.pages import ContentPageFactory
from tests.factories.research import FunderFactory

pytestmark = pytest.mark.django_db


def _menu_queries(client, path: str = "/") -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum("home_mainmenuitem" in q["sql"] or "home_footerlink" in q["sql"] for q in queries.captured_queries)


def test_menu_and_footer_are_read_once_then_served_from_the_cache(client):
    assert _menu_queries(client) > 0
    assert _menu_queries(client) == 0
    assert _menu_queries(client, "/nieuws/") == 0  # one cached entry serves every page of the site


def test_the_current_section_is_marked_per_page_although_the_menu_is_cached(client):
    client.get("/")
    html = client.get("/nieuws/").content.decode()
    assert '<a href="/nieuws/" aria-current="page">' in html
    assert (
        'aria-current="page">' not in client.get("/agenda/").content.decode().split("main-nav")[1].split("/agenda/")[0]
    )


def test_saving_the_navigation_settings_shows_the_new_menu_at_once(client, main_site):
    client.get("/")
    navigation = NavigationSettings.for_site(main_site)
    item = MainMenuItem.objects.filter(setting=navigation).first()
    item.label = "Nieuw menulabel"
    navigation.main_menu_items = [item, *MainMenuItem.objects.filter(setting=navigation).exclude(pk=item.pk)]
    navigation.save()
    assert "Nieuw menulabel" in client.get("/").content.decode()


def test_publishing_a_page_in_the_menu_shows_its_new_title(client, home_page):
    agenda = Page.objects.child_of(home_page).get(slug="agenda").specific
    client.get("/")
    navigation = NavigationSettings.for_site(home_page.get_site())
    if any(i.label for i in navigation.main_menu_items.filter(link_page=agenda)):
        navigation.main_menu_items.filter(link_page=agenda).update(label="")
        fragments.invalidate_fragments()
        client.get("/")
    agenda.title = "Activiteitenkalender"
    agenda.save_revision().publish()
    assert ">Activiteitenkalender</a>" in client.get("/").content.decode()


def test_unpublishing_a_page_removes_it_from_the_cached_menu(client, home_page):
    agenda = Page.objects.child_of(home_page).get(slug="agenda")
    assert 'href="/agenda/"' in client.get("/").content.decode()
    agenda.unpublish()
    assert 'href="/agenda/"' not in client.get("/").content.decode()


def test_footer_and_funder_strip_follow_settings_and_snippets(client, main_site):
    client.get("/")
    organisation = OrganisationSettings.for_site(main_site)
    organisation.email = "nieuw-adres@example.org"
    organisation.save()
    assert "nieuw-adres@example.org" in client.get("/").content.decode()
    texts = SiteTexts.objects.get(site=main_site, locale__language_code="nl")
    texts.footer_text = "Een nieuwe voettekst."
    texts.save()
    assert "Een nieuwe voettekst." in client.get("/").content.decode()

    funder = FunderFactory(
        name="Gecachet fonds", logo_alt="Logo van het gecachete fonds", show_in_footer=True, footer_order=99
    )
    assert "Logo van het gecachete fonds" in client.get("/").content.decode()
    funder.logo_alt = "Nieuwe alt-tekst van het fonds"
    funder.save()
    assert "Nieuwe alt-tekst van het fonds" in client.get("/").content.decode()


def test_fragments_vary_by_language_and_site(client):
    dutch = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    microsite = client.get("/", HTTP_HOST=MICROSITE_HOSTNAME).content.decode()
    assert 'href="/nieuws/"' in dutch
    assert 'href="/en/news/"' in english and 'href="/nieuws/"' not in english.split("<main")[0]
    assert "funder-strip" in dutch and "funder-strip" not in microsite  # the microsite thanks no funders
    assert client.get("/").content.decode() == dutch  # and the cached Dutch copy is still the Dutch one


def test_fragment_key_changes_with_the_version_only_when_content_changes(rf, main_site):
    request = rf.get("/", HTTP_HOST=main_site.hostname)
    key = fragments.fragment_key(request)
    assert fragments.fragment_key(request) == key
    fragments.invalidate_fragments()
    assert fragments.fragment_key(request) != key


def test_a_lost_version_key_makes_every_fragment_stale(rf, main_site):
    request = rf.get("/", HTTP_HOST=main_site.hostname)
    key = fragments.fragment_key(request)
    cache.delete(fragments.VERSION_KEY)  # evicted by Redis under memory pressure, say
    assert fragments.fragment_key(request) != key


# Cache-Control ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/nieuws/", "/agenda/", "/zoeken/?q=zorg", "/en/"])
def test_public_pages_may_be_cached_briefly_by_anyone(client, path, settings):
    response = client.get(path)
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "public" in control
    assert f"s-maxage={settings.PUBLIC_CACHE_MAX_AGE}" in control  # shared caches: CDN, proxy
    assert "max-age=0" in control  # the visitor's browser revalidates (sees the counter move after signing)
    assert f"stale-while-revalidate={settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE}" in control
    assert "Cookie" in response["Vary"]
    assert not response.cookies  # the house rule that makes sharing safe


def test_logged_in_editors_get_private_pages(admin_client):
    response = admin_client.get("/")
    assert response["Cache-Control"] == "private, no-store"


def test_admin_is_never_stored(admin_client):
    assert admin_client.get("/admin/")["Cache-Control"] == "private, no-store"


def test_login_form_with_csrf_cookie_is_private(client):
    response = client.get("/admin/login/")
    assert response["Cache-Control"] == "private, no-store"


def test_answers_to_posted_forms_are_private(client):
    from campaigns.models import SignupFormPage

    petition = SignupFormPage.objects.get(slug="petitie")
    response = client.post(f"/aanmelden/{petition.pk}/", {}, HTTP_ORIGIN="http://testserver")
    assert response["Cache-Control"] == "private, no-store"


PASSWORD = "geheim-woord-2026"


def _document_in(collection_name: str, restriction_type: str):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name=collection_name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, password=PASSWORD
    )
    document = get_document_model()(title="Verslag", collection=collection)
    document.file.save("verslag.txt", ContentFile(b"vertrouwelijk"), save=True)
    return document, restriction


def test_a_document_behind_a_password_is_never_shared(client):
    """After the password it was served with `public, s-maxage=300`, only Vary: Cookie keeping it from the next
    visitor, and Cloudflare ignores Vary: a CDN would have handed it to anyone."""
    document, restriction = _document_in("Met wachtwoord", "password")
    form = client.get(document.url)
    assert 'name="password"' in form.content.decode()
    assert form["Cache-Control"] == "private, no-store"
    granted = client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": PASSWORD, "return_url": document.url},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert granted.status_code == 302
    served = client.get(document.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"vertrouwelijk"
    assert served["Cache-Control"] == "private, no-store"


def test_a_document_for_signed_in_people_is_never_shared(client, django_user_model):
    document, _restriction = _document_in("Alleen ingelogd", "login")
    client.force_login(django_user_model.objects.create_user("lid", password=PASSWORD))
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Cache-Control"] == "private, no-store"


def test_a_page_after_its_password_is_private(client):
    """The password gives the visitor a session without a user: the old rule (a logged-in user) let the page go
    out as public."""
    from wagtail.models import PageViewRestriction

    page = Page.objects.get(url_path__endswith="/over-los/privacy/", locale__language_code="nl")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password=PASSWORD)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": PASSWORD, "return_url": "/over-los/privacy/"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    response = client.get("/over-los/privacy/")
    assert response.status_code == 200 and 'name="password"' not in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_an_unrestricted_document_stays_public(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Jaarverslag")
    document.file.save("jaarverslag.txt", ContentFile(b"openbaar"), save=True)
    assert "public" in client.get(document.url)["Cache-Control"]


def test_previews_are_private(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/view_draft/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_views_that_choose_their_own_cache_control_keep_it(rf):
    from django.http import HttpResponse

    from caching.cache_control import cache_control_for

    response = HttpResponse()
    response["Cache-Control"] = "public, max-age=31536000, immutable"  # e.g. a share image behind a hashed URL
    assert cache_control_for(rf.get("/nieuws/x/deelafbeelding/"), response) is None
    response.set_cookie("x", "y")  # but a cookie always makes it private
    assert cache_control_for(rf.get("/nieuws/x/deelafbeelding/"), response) == "private, no-store"


# Redis -----------------------------------------------------------------------------------------------------


def test_fragments_and_invalidation_work_on_a_real_redis(client, main_site, redis_cache):
    assert redis_cache.__class__.__name__ == "RedisCache"
    # One Redis client per pool for the process (caching/redis.py), not a new one per operation.
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
    client.get("/")
    assert _menu_queries(client) == 0  # served from Redis
    assert fragments.VERSION_KEY in str(redis_cache._cache.get_client().keys("*"))
    organisation = OrganisationSettings.for_site(main_site)
    organisation.email = "redis@example.org"
    organisation.save()
    assert "redis@example.org" in client.get("/").content.decode()


def test_two_long_paths_alike_in_their_first_thousand_characters_are_two_routes(client, home_page):
    """The route cache (caching/routing.py) once keyed a path by its first 1,000 characters: the second of two
    pages whose addresses differ only after that got the first one's page. Slugs may be 255 characters, so four
    levels reach it."""
    parent = home_page
    for level in range(4):
        parent = ContentPageFactory(parent=parent, slug=f"{level}{'n' * 250}", title=f"Niveau {level}")
    first = ContentPageFactory(parent=parent, slug="eerste", title="Eerste lange pagina")
    second = ContentPageFactory(parent=parent, slug="tweede", title="Tweede lange pagina")
    assert len(first.url) > 1000 and first.url[:1000] == second.url[:1000]

    assert "Eerste lange pagina" in client.get(first.url).content.decode()
    assert "Tweede lange pagina" in client.get(second.url).content.decode()
    assert "Eerste lange pagina" in client.get(first.url).content.decode()  # now from the route cache


def test_route_keys_stay_short_whatever_the_path(main_site):
    key = routing._route_key(main_site, "a/" * 5000)
    assert len(key) < 250  # memcached's limit, the strictest of Django's backends


def test_a_page_served_from_the_route_cache_can_still_be_cached(client, home_page):
    """The route cache answers the page's view restrictions from its own entry; that answer must not make the page
    unpicklable (a lambda did, as one in the search indexer broke the image chooser's upload)."""
    page = ContentPageFactory(parent=home_page, slug="route-cache", title="Uit de routecache")
    client.get(page.url)
    response = client.get(page.url)  # routed from the cache
    assert response.wsgi_request._los_route_primed
    routed = response.wsgi_request._wagtail_route_for_request.page
    cache.set("routed-page", routed)  # Django's caches pickle what they keep
    assert cache.get("routed-page").get_view_restrictions() == []
