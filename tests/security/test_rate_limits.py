"""One client address and one rate limit for every door a script can knock on (issue 17): the sign-up forms, the
newsletter's forms, the front-end and admin logins and the page password form, and the API. All count the address the
documented proxy reports (`CLIENT_IP_HEADER`, docs/deployment.md) through `security.ratelimit.rate_limited`, in
the shared cache. These tests run against a real Redis (the production cache; the `redis_cache` fixture of
tests/conftest.py), so "two workers share the count" is shown, not assumed; on PostgreSQL with DATABASE_URL set,
like the rest of the suite.
"""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from campaigns.models import SignupFormPage
from security.ratelimit import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"  # every request reaches Django from the proxy: REMOTE_ADDR is always this
LIMIT = 2


@pytest.fixture
def behind_proxy(redis_cache, settings):
    # redis_cache first: fixtures are torn down in reverse, so the settings changed below are undone before the
    # Redis cache's override_settings. The other order restored the settings as they were inside that override
    # (CACHES = Redis) after it ended, and a later test found the default cache still on Redis.
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_PROXY_HOPS = 1
    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = settings.NEWSLETTER_RATE_LIMIT = (LIMIT, 600)
    settings.LOS_PASSWORD_FORM_RATE_LIMIT = settings.LOS_ADMIN_LOGIN_RATE_LIMIT = (LIMIT, 600)
    settings.LOS_API_RATE = f"{LIMIT}/minute"
    return redis_cache


def _signup(client, forwarded_for):
    page = SignupFormPage.objects.get(slug="petitie")
    data = {"naam": "Fatima", "woonplaats": "Utrecht", "privacy_consent": "on", "hp_website": ""}
    return client.post(f"/aanmelden/{page.pk}/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _newsletter(client, forwarded_for):
    url = reverse("newsletter:request_link")
    return client.post(url, {"email": "lezer@example.org"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _page_password(client, forwarded_for):
    page = Page.objects.get(url_path__endswith="/over-los/privacy/", locale__language_code="nl")
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, defaults={"password": "geheim-woord-2026"}
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    data = {"password": "verkeerd", "return_url": "/over-los/privacy/"}
    return client.post(url, data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _login(client, forwarded_for):
    data = {"username": "iemand", "password": "verkeerd"}
    return client.post("/_util/login/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _admin_login(client, forwarded_for):
    data = {"username": "iemand", "password": "verkeerd"}
    return client.post("/admin/login/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _api(client, forwarded_for):
    return client.get("/api/v2/themes/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


DOORS = {
    "signup": _signup,
    "newsletter": _newsletter,
    "page password": _page_password,
    "login": _login,
    "admin login": _admin_login,
    "api": _api,
}


@pytest.mark.parametrize("door", DOORS)
def test_behind_the_proxy_two_visitors_have_separate_buckets(client, behind_proxy, door):
    knock = DOORS[door]
    for _ in range(LIMIT):
        assert knock(client, "198.51.100.7").status_code != 429
    assert knock(client, "198.51.100.7").status_code == 429
    # The script used up its own bucket; the next visitor, through the same proxy, is not affected.
    assert knock(client, "198.51.100.8").status_code != 429


@pytest.mark.parametrize("door", DOORS)
def test_a_forged_forwarded_for_entry_beyond_the_trusted_proxy_is_ignored(client, behind_proxy, door):
    """Only the entry our proxy appended counts: what the client wrote before it gives no fresh bucket."""
    knock = DOORS[door]
    for forged in ("1.1.1.1", "2.2.2.2"):
        assert knock(client, f"{forged}, 198.51.100.9").status_code != 429
    assert knock(client, "3.3.3.3, 198.51.100.9").status_code == 429


def test_the_api_answers_429_with_retry_after_after_its_limit(client, behind_proxy):
    codes = [_api(client, "198.51.100.30").status_code for _ in range(LIMIT + 1)]
    assert codes == [200] * LIMIT + [429]
    limited = _api(client, "198.51.100.30")
    assert limited.status_code == 429 and int(limited["Retry-After"]) <= 60


def test_the_signup_limit_is_per_address_and_stores_nothing_about_it(client, behind_proxy):
    for _ in range(LIMIT):
        assert _signup(client, "198.51.100.40").status_code == 302
    refused = _signup(client, "198.51.100.40")
    assert refused.status_code == 429 and "te vaak" in refused.content.decode()
    keys = [key.decode() for key in behind_proxy._cache.get_client().keys("*")]
    assert keys and not [key for key in keys if "198.51.100" in key]  # HMACs, never the address


def test_workers_share_the_count_through_the_shared_cache(behind_proxy):
    """Two clients stand for two workers (or servers): the count is in Redis, not in either one's memory."""
    first, second = Client(), Client()
    assert _api(first, "198.51.100.50").status_code == 200
    assert _api(second, "198.51.100.50").status_code == 200
    assert _api(first, "198.51.100.50").status_code == 429
    assert any(b":rl:api:" in key for key in behind_proxy._cache.get_client().keys("*"))


def test_forms_and_the_api_count_separately(client, behind_proxy):
    """A partner's page reading the API does not use up its visitors' sign-ups (one scope per door)."""
    for _ in range(LIMIT + 1):
        _api(client, "198.51.100.60")
    assert _signup(client, "198.51.100.60").status_code == 302


@pytest.mark.parametrize(
    ("header", "hops", "meta", "expected"),
    [
        ("", 1, {"HTTP_X_FORWARDED_FOR": "6.6.6.6"}, "192.0.2.1"),  # no proxy configured: headers are ignored
        ("X-Real-IP", 1, {"HTTP_X_REAL_IP": "198.51.100.1"}, "198.51.100.1"),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.2"}, "198.51.100.2"),
        ("X-Forwarded-For", 2, {"HTTP_X_FORWARDED_FOR": "6.6.6.6, 198.51.100.3, 203.0.113.9"}, "198.51.100.3"),
        ("X-Forwarded-For", 2, {"HTTP_X_FORWARDED_FOR": "198.51.100.4"}, "192.0.2.1"),  # fewer hops than set up
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "junk"}, "192.0.2.1"),  # not an address: not trusted
        ("X-Real-IP", 1, {}, "192.0.2.1"),
        ("X-Forwarded-For", 1, {"HTTP_X_FORWARDED_FOR": "2001:db8::1"}, "2001:db8::1"),
    ],
)
def test_client_address_from_the_configured_proxy_header(settings, header, hops, meta, expected):
    settings.CLIENT_IP_HEADER, settings.CLIENT_IP_PROXY_HOPS = header, hops
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", **meta)) == expected


def test_staff_over_the_admin_login_limit_keep_their_login_page_and_are_not_authenticated(client, behind_proxy):
    """The admin login's refusal is its own page with the message and the typed name (it was a line of text, and
    the e2e flows that met it found no form); a refused post never reaches authentication (nor django-axes)."""
    from django.contrib.auth.signals import user_login_failed

    for _ in range(LIMIT):
        _admin_login(client, "198.51.100.70")
    failures = []
    user_login_failed.connect(lambda **kwargs: failures.append(kwargs), dispatch_uid="test-refused-login", weak=False)
    try:
        refused = _admin_login(client, "198.51.100.70")
    finally:
        user_login_failed.disconnect(dispatch_uid="test-refused-login")
    assert refused.status_code == 429 and refused["Retry-After"]
    html = refused.content.decode()
    assert "Je hebt het te vaak geprobeerd" in html
    assert 'name="username"' in html and 'value="iemand"' in html and 'name="password"' in html
    assert failures == []
