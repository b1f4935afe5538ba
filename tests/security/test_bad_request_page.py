"""A visitor whose search (or address) holds NUL or control bytes gets the site's own 400 page in their language
(security/error_pages.py), never a 500, and never the bytes they sent; Django's own 400s get the same page."""

from __future__ import annotations

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

MESSAGES = {
    "nl": "tekens die we niet kunnen lezen",
    "en": "characters we cannot read",
    "ar": "رموز لا يمكننا قراءتها",
}


def search_url(language: str) -> str:
    with translation.override(language):
        return reverse("search")


def assert_site_page(response, language: str) -> str:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]  # "private, no-store" for posted forms
    assert not response.cookies  # anonymous visitors get no cookie, also here
    html = response.content.decode()
    assert f'lang="{language}"' in html and 'class="site-header"' in html  # the site's own layout
    assert MESSAGES[language] in html
    return html


@pytest.mark.parametrize("language", MESSAGES)
@pytest.mark.parametrize("query", ["zorg\x00opvang", "\x01\x02", "a\x1b[31m"])
def test_the_search_box_with_control_bytes_gets_the_site_s_page_in_the_visitor_s_language(client, language, query):
    html = assert_site_page(client.get(search_url(language), {"q": query}), language)
    assert "\x00" not in html and "\x1b" not in html and "opvang" not in html  # nothing the visitor sent
    assert ('dir="rtl"' in html) == (language == "ar")


def test_the_address_decides_the_language_as_on_every_page(client):
    assert_site_page(client.get(search_url("nl"), {"q": "\x00"}, HTTP_ACCEPT_LANGUAGE="ar"), "nl")
    assert_site_page(client.get(search_url("ar"), {"q": "\x00"}, HTTP_ACCEPT_LANGUAGE="nl"), "ar")


def test_nul_in_the_path_and_in_a_posted_form_get_the_page_too(client):
    assert_site_page(client.get("/en/news/%00/"), "en")
    form = "q=a%00&naam=Fatima"
    assert_site_page(client.post(search_url("nl"), form, content_type="application/x-www-form-urlencoded"), "nl")


def test_the_api_keeps_its_json_error(client):
    response = client.get("/api/v2/pages/", {"search": "\x00"})
    assert response.status_code == 400 and "tekens" in response.json()["message"]


def test_a_layout_that_cannot_render_answers_plain_text_not_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("the database is away")

    monkeypatch.setattr("security.error_pages.loader.render_to_string", broken)
    response = client.get(search_url("en"), {"q": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain") and MESSAGES["en"] in response.content.decode()


def test_django_s_own_bad_requests_get_the_page(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5  # more fields: Django refuses the request (TooManyFieldsSent)
    body = "&".join(f"f{number}=x" for number in range(10))
    response = client.post(search_url("en"), body, content_type="application/x-www-form-urlencoded")
    html = assert_site_page_general(response, "en")
    assert "cannot process" in html


def test_a_refused_host_header_answers_400_not_500(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/zoeken/", {"q": "\x00"}, HTTP_HOST="evil.example")
    assert response.status_code == 400
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400


def assert_site_page_general(response, language: str) -> str:
    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f'lang="{language}"' in html and 'class="site-header"' in html
    return html
