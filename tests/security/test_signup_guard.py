"""Sign-up abuse (issue 17): one person is stored and counted once; `Origin: null` and `Sec-Fetch-Site: same-site`
are refused. The rate limit (the client address the trusted proxy reports, in the shared cache) is tested with the
other doors it guards in test_rate_limits.py."""

from __future__ import annotations

import pytest

from campaigns.models import SignupCounter, SignupFormPage, SignupSubmission

pytestmark = pytest.mark.django_db

VALID = {"naam": "Fatima", "woonplaats": "Utrecht", "privacy_consent": "on", "hp_website": ""}
PROXY = "10.0.0.2"  # the documented caching proxy: every request reaches Django from it


@pytest.fixture
def petition(db) -> SignupFormPage:
    return SignupFormPage.objects.get(slug="petitie")


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_PROXY_HOPS = 1
    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = (2, 600)


def post(client, page, data=VALID, **headers):
    return client.post(f"/aanmelden/{page.pk}/", data, REMOTE_ADDR=PROXY, **headers)


def count(page) -> int:
    return SignupCounter.objects.filter(page=page).values_list("count", flat=True).first() or 0


def test_one_person_is_stored_and_counted_once(client, sign_on_form):
    page = sign_on_form
    before = count(page)
    data = {"organisation": "Stichting X", "e_mailadres_contactpersoon": "a@example.org", "privacy_consent": "on"}
    assert post(client, page, data).status_code == 302
    again = post(client, page, {**data, "e_mailadres_contactpersoon": " A@Example.org "})
    assert again.status_code == 302 and again["Location"].endswith("?bedankt=1")  # same answer: nothing revealed
    assert SignupSubmission.objects.filter(page=page, organisation="Stichting X").count() == 1
    assert count(page) == before + 1
    other = post(client, page, {**data, "e_mailadres_contactpersoon": "b@example.org"})
    assert other.status_code == 302 and count(page) == before + 2


def test_person_marks_are_keyed_hashes_that_expire(sign_on_form):
    import datetime

    from django.utils import timezone

    from security.models import PersonMark
    from security.once import first_time, purge_expired_marks

    assert first_time("t", "a@example.org", keep=datetime.timedelta(days=1))
    mark = PersonMark.objects.get(scope="t")
    assert "example" not in mark.digest
    PersonMark.objects.filter(pk=mark.pk).update(expires=timezone.now() - datetime.timedelta(seconds=1))
    assert purge_expired_marks() == 1


@pytest.fixture
def sign_on_form(db) -> SignupFormPage:
    return SignupFormPage.objects.get(slug="onderteken")


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://ilegalevrouw.testserver"},
    ],
)
def test_null_origin_and_same_site_posts_are_refused(client, petition, headers):
    response = client.post(f"/aanmelden/{petition.pk}/", VALID, **headers)
    assert response.status_code == 403
    assert not SignupSubmission.objects.filter(page=petition).exists()


def test_same_origin_and_header_less_posts_are_accepted(client, petition):
    assert client.post(f"/aanmelden/{petition.pk}/", VALID, HTTP_SEC_FETCH_SITE="same-origin").status_code == 302
    assert client.post(f"/aanmelden/{petition.pk}/", VALID, HTTP_ORIGIN="http://testserver").status_code == 302


def test_a_same_origin_post_under_no_referrer_is_accepted(client):
    """The microsite answers `Referrer-Policy: no-referrer`, so Chromium posts its own forms with `Origin: null`
    beside `Sec-Fetch-Site: same-origin` (seen in tests/e2e/test_visitors_phone.py): the visitors' login there
    answered 403 to every post, whatever was typed."""
    from demo import MICROSITE_HOSTNAME

    response = client.post(
        "/_util/login/",
        {"username": "niemand", "password": "fout"},
        HTTP_HOST=MICROSITE_HOSTNAME,
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="null",
    )
    assert client.get("/", HTTP_HOST=MICROSITE_HOSTNAME)["Referrer-Policy"] == "no-referrer"
    assert response.status_code == 200  # the login form again, with its message; not refused
