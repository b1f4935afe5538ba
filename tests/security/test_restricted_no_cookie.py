"""Restricted pages and the front-end login set no cookie for anonymous visitors until they submit (issue 17:
they set a one-year `csrftoken`); posts from another website are refused by their headers instead."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-woord-2026"


@pytest.fixture
def about(db) -> Page:
    return Page.objects.get(url_path__endswith="/over-los/privacy/", locale__language_code="nl")


def restrict(page: Page, kind: str) -> None:
    PageViewRestriction.objects.create(page=page, restriction_type=kind, password=PASSWORD)


def no_cookies(response) -> bool:
    return not [morsel for morsel in response.cookies.values() if morsel.value]


def test_password_protected_page_sets_no_cookie_until_the_right_password(client, about):
    restrict(about, PageViewRestriction.PASSWORD)
    response = client.get("/over-los/privacy/")
    html = response.content.decode()
    assert response.status_code == 200 and 'name="password"' in html
    assert no_cookies(response) and "csrfmiddlewaretoken" not in html
    restriction = PageViewRestriction.objects.get(page=about)
    action = f"/_util/authenticate_with_password/{restriction.pk}/{about.pk}/"
    assert action in html
    assert (
        client.post(action, {"password": PASSWORD, "return_url": "/over-los/privacy/"}, HTTP_ORIGIN="null").status_code
        == 403
    )
    granted = client.post(
        action, {"password": PASSWORD, "return_url": "/over-los/privacy/"}, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert granted.status_code == 302
    assert client.get("/over-los/privacy/").status_code == 200
    assert 'name="password"' not in client.get("/over-los/privacy/").content.decode()


def test_login_restricted_page_and_front_end_login_set_no_cookie(client, about):
    restrict(about, PageViewRestriction.LOGIN)
    response = client.get("/over-los/privacy/")
    assert response.status_code == 302 and response["Location"].startswith("/_util/login/")
    assert no_cookies(response)
    login = client.get(response["Location"])
    html = login.content.decode()
    assert login.status_code == 200 and 'name="username"' in html
    assert no_cookies(login) and "csrfmiddlewaretoken" not in html
    get_user_model().objects.create_user("lid", password=PASSWORD)
    credentials = {"username": "lid", "password": PASSWORD, "next": "/over-los/privacy/"}
    assert client.post("/_util/login/", credentials, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post("/_util/login/", credentials, HTTP_SEC_FETCH_SITE="same-site").status_code == 403
    logged_in = client.post("/_util/login/", credentials, HTTP_ORIGIN="http://testserver")
    assert logged_in.status_code == 302 and logged_in["Location"] == "/over-los/privacy/"
    assert client.get("/over-los/privacy/").status_code == 200


def test_wrong_password_shows_the_form_again(client, about):
    restrict(about, PageViewRestriction.PASSWORD)
    restriction = PageViewRestriction.objects.get(page=about)
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{about.pk}/",
        {"password": "fout", "return_url": "/over-los/privacy/"},
    )
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
