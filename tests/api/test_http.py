"""What a partner's page needs from the API: cross-origin reads without credentials, conditional GET, a rate
limit it will not meet in normal use, and no cookies."""

from __future__ import annotations

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v2/events/", "/api/v2/themes/", "/api/v2/site-texts/", "/api/v2/pages/", "/api/v2/funders/"]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_cross_origin_reads_without_credentials_or_cookies(client, url):
    response = client.get(url, headers={"Origin": "https://partner.example"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert not response.cookies


def test_preflight_allows_get_only(client):
    response = client.options(
        "/api/v2/events/",
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_pages_outside_the_api_get_no_cors_headers(client):
    assert "Access-Control-Allow-Origin" not in client.get("/", headers={"Origin": "https://partner.example"})


@pytest.mark.parametrize("url", ENDPOINTS)
def test_etag_and_304(client, url):
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.content


def test_last_modified_on_items_and_if_modified_since(client):
    from events.models import Event

    event = Event.objects.published().first()
    response = client.get(f"/api/v2/events/{event.pk}/")
    assert response["Last-Modified"]
    again = client.get(f"/api/v2/events/{event.pk}/", headers={"If-Modified-Since": response["Last-Modified"]})
    assert again.status_code == 304
    page_id = client.get("/api/v2/pages/?type=news.NewsPage&limit=1").json()["items"][0]["id"]
    assert client.get(f"/api/v2/pages/{page_id}/")["Last-Modified"]


def test_a_runaway_client_is_limited_a_normal_one_is_not(client, settings):
    settings.LOS_API_RATE = "5/minute"
    cache.clear()
    codes = [client.get("/api/v2/themes/").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    settings.LOS_API_RATE = "600/minute"
    cache.clear()
    assert all(client.get("/api/v2/themes/").status_code == 200 for _ in range(30))
