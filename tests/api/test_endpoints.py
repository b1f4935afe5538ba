"""The API for partner sites: events, themes, site texts, campaigns' public counts, in their languages, and
never a draft, a private page or a sign-up."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from campaigns.models import CampaignPage, SignupFormPage, SignupSubmission
from events.models import AMSTERDAM, Event
from home.models import Theme
from news.models import NewsPage
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def items(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(client, url: str) -> list[str]:
    return [item["title"] for item in items(client, url)]


def at(days: int, hour: int = 19) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=AMSTERDAM)


def test_events_upcoming_in_agenda_order_with_the_agendas_fields(client):
    listed = items(client, "/api/v2/events/?limit=100&fields=*")
    expected = list(Event.objects.published().upcoming().order_by("start", "pk").values_list("pk", flat=True))
    assert [item["id"] for item in listed] == expected
    first = listed[0]
    for field in ("title", "start", "end", "all_day", "location", "address", "city", "organiser", "description"):
        assert field in first
    assert first["meta"]["html_url"].startswith("http") and "/agenda/" in first["meta"]["html_url"]
    assert first["meta"]["locale"] == "nl"


def test_events_filters_city_theme_dates_and_when(client):
    theme = Theme.objects.get(slug="basisrechten", locale__language_code="nl")
    in_utrecht = EventFactory(title="API Utrecht", city="Utrecht", start=at(40), end=at(40, 21))
    in_utrecht.themes.add(theme)
    EventFactory(title="API Zwolle", city="Zwolle", start=at(41))
    EventFactory(title="API verleden", city="Utrecht", start=at(-30))
    EventFactory(title="API verborgen", city="Utrecht", start=at(42), published=False)

    assert "API Utrecht" in titles(client, "/api/v2/events/?city=utrecht&limit=100")
    assert "API Zwolle" not in titles(client, "/api/v2/events/?city=Utrecht&limit=100")
    assert "API Utrecht" in titles(client, "/api/v2/events/?theme=basisrechten&limit=100")
    assert "API Zwolle" not in titles(client, "/api/v2/events/?theme=basisrechten&limit=100")
    day = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    assert titles(client, f"/api/v2/events/?date_from={day}&date_to={day}&city=Utrecht") == ["API Utrecht"]
    assert "API verleden" in titles(client, "/api/v2/events/?when=past&limit=100")
    assert "API verleden" not in titles(client, "/api/v2/events/?limit=100")
    everything = titles(client, "/api/v2/events/?when=all&limit=100")
    assert {"API verleden", "API Utrecht"} <= set(everything) and "API verborgen" not in everything


def test_an_unpublished_event_and_its_translation_are_never_served(client):
    event = EventFactory(title="API onzichtbaar", start=at(10), published=False)
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "API invisible"
    english.save()
    assert client.get(f"/api/v2/events/{event.pk}/").status_code == 404
    assert client.get(f"/api/v2/events/{english.pk}/").status_code == 404
    assert "API invisible" not in titles(client, "/api/v2/events/?locale=en&when=all&limit=100")


def test_events_in_english_use_the_translation_and_link_the_languages(client):
    event = EventFactory(title="API bijeenkomst", description="Nederlands", start=at(5))
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.description = "API meeting", "English"
    english.save()
    listed = items(client, "/api/v2/events/?locale=en&limit=100&fields=description,translations")
    item = next(i for i in listed if i["id"] == english.pk)
    assert item["title"] == "API meeting" and item["description"] == "English"
    assert item["meta"]["locale"] == "en"
    [dutch] = item["meta"]["translations"]
    assert dutch["locale"] == "nl" and dutch["id"] == event.pk
    assert dutch["detail_url"].endswith(f"/api/v2/events/{event.pk}/")
    assert "/en/" in item["meta"]["html_url"]
    detail = client.get(f"/api/v2/events/{english.pk}/").json()
    assert detail["title"] == "API meeting" and detail["start"] == item["start"]
    # An event without a translation is listed in Dutch and says so.
    untranslated = next(i for i in listed if i["id"] != english.pk)
    assert untranslated["meta"]["locale"] == "nl"


def test_events_query_budget(client, django_assert_max_num_queries):
    client.get("/api/v2/events/?locale=en&limit=20&fields=*")
    with django_assert_max_num_queries(12):
        assert client.get("/api/v2/events/?locale=en&limit=20&fields=*").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "date_from=2026-13-01",
        "date_to=gisteren",
        "date_from=2027-02-02&date_to=2027-01-01",
        "when=soon",
        "theme=%00",
        "theme=" + "a" * 5000,
        "locale=xx",
        "locale=%00",
        "limit=-1",
        "offset=99999999999999999999999",
        "offset=--5",  # these three passed our bound's check and broke int(): 500
        "offset=%C2%B2",
        "offset=" + "9" * 5000,
        "date_to=9999-12-31",  # a day the database cannot be asked about in Dutch time: 500
        "date_from=0001-01-01",
        "unknown=1",
    ],
)
def test_bad_event_parameters_get_a_400_with_a_message(client, query):
    response = client.get(f"/api/v2/events/?{query}")
    assert response.status_code == 400, response.content
    assert response.json()["message"]


def test_a_city_nobody_has_finds_nothing_and_unusable_bytes_are_a_400(client):
    assert items(client, "/api/v2/events/?city=Atlantis%2F..%2F") == []
    response = client.get("/api/v2/events/?city=%00Utrecht")
    assert response.status_code == 400 and response.json()["message"]


def test_themes_in_every_language_with_translations(client):
    english = items(client, "/api/v2/themes/?locale=en&fields=translations")
    assert {t["slug"] for t in english} == set(
        Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True)
    )
    assert all(t["meta"]["locale"] == "en" for t in english)
    assert all(any(tr["locale"] == "nl" for tr in t["meta"]["translations"]) for t in english)


def test_site_texts_per_site_and_language(client, main_site):
    listed = items(client, f"/api/v2/site-texts/?site={main_site.hostname}&locale=en")
    assert len(listed) == 1
    assert listed[0]["tagline"] and listed[0]["meta"]["locale"] == "en"
    assert client.get("/api/v2/site-texts/?site=%00").status_code == 400
    assert items(client, "/api/v2/site-texts/?site=unknown.example") == []


def test_campaigns_show_public_counts_never_the_sign_ups(client):
    form = SignupFormPage.objects.live().filter(show_counter=True).first()
    assert form is not None
    SignupSubmission.objects.create(page=form, form_data={"name": "Geheime Naam", "email": "geheim@example.org"})
    campaign = CampaignPage.objects.ancestor_of(form).get()
    response = client.get(f"/api/v2/pages/{campaign.pk}/")
    forms = response.json()["signup_forms"]
    assert {"id": form.pk, "title": form.title, "kind": form.kind, "public_count": form.public_count} in forms
    body = client.get("/api/v2/pages/?type=campaigns.SignupFormPage&fields=*").content.decode()
    for secret in ("Geheime Naam", "geheim@example.org", "to_address", "from_address", "store_submissions"):
        assert secret not in body


def test_drafts_and_private_pages_never_appear(client, home_page):
    page = NewsPage.objects.live().first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    draft = NewsPage.objects.live().exclude(pk=page.pk).first()
    draft.unpublish()
    listed = {i["id"] for i in items(client, "/api/v2/pages/?type=news.NewsPage&limit=100")}
    assert page.pk not in listed and draft.pk not in listed
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_publications_carry_authors_funders_and_their_citation_formats(client):
    listed = items(client, "/api/v2/pages/?type=research.PublicationPage&fields=authors,funders,citation_formats")
    item = next(i for i in listed if i["citation_formats"])
    assert set(item["citation_formats"]) == {"bibtex", "ris", "csl-json"}
    assert client.get(urlsplit(item["citation_formats"]["bibtex"]).path).status_code == 200
    assert "authors" in item and "funders" in item


def test_page_listings_query_count_does_not_grow_with_the_page_size(client):
    """Partner sites list pages, of every type or of one, with all their fields: the items' languages, images,
    documents, themes, tags, funders and inline rows come with the pages (api/viewsets.py), not one query per item
    each (a listing of 20 publications took 59 queries, 8 per publication). Compared at 1 and at 20 items."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url: str) -> tuple[int, int]:
        client.get(url)  # caches filled once
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        # Only what the API shows is fetched: never the editors' comments or a form's fields.
        unshown = [q["sql"][:80] for q in captured if "wagtailcore_comment" in q["sql"] or "formfield" in q["sql"]]
        assert unshown == [], url
        return len(response.json()["items"]), len(captured)

    grew = []
    for url in (
        "/api/v2/pages/?limit={n}",
        "/api/v2/pages/?limit={n}&fields=*&locale=en",
        "/api/v2/pages/?type=news.NewsPage&fields=*&limit={n}",
        "/api/v2/pages/?type=research.PublicationPage&fields=*&limit={n}",
    ):
        (_, one), (shown, twenty) = (queries(url.format(n=n)) for n in (1, 20))
        assert shown > 3, url  # the seeded site has several of each
        if twenty > one:
            grew.append(f"{url}: {one} queries for 1 item, {twenty} for {shown}")
    assert grew == [], "\n".join(grew)
    queries("/api/v2/pages/?type=campaigns.SignupFormPage&fields=*")  # has form fields: not fetched either


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?offset=--5",
        "/api/v2/pages/?offset=%C2%B2",
        "/api/v2/images/?offset=--5",
        "/api/v2/pages/?type=news.NewsPage&date_from=0001-01-01",
        "/api/v2/pages/?type=news.NewsPage&date_to=9999-12-31",
    ],
)
def test_odd_offsets_and_dates_on_the_other_endpoints_get_a_400(client, path):
    response = client.get(path)
    assert response.status_code == 400, response.content
    assert response.json()["message"]
