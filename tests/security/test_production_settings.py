"""Production refuses to start without real mail and a shared cache (issue 17): without EMAIL_URL the console
backend printed sign-up notifications (names, towns) into the server log; a local-memory cache per worker kept an
unpublished page in some workers' menus and split every rate limit. Nor without the site's public https address:
password-reset links, workflow mails and the API's links pointed at http://127.0.0.1:8000."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.settings_probe import load_settings

PRODUCTION = "cms.settings.production"
REQUIRED = {
    "SECRET_KEY": "s" * 64,
    "ALLOWED_HOSTS": "stichtinglos.nl",
    "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
    "EMAIL_URL": "smtp+tls://los:secret@mail.internal:587",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
    "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",
}


def test_production_starts_with_real_mail_and_redis():
    found = load_settings(PRODUCTION, **REQUIRED)
    assert found.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert found.CACHES["default"]["BACKEND"] == "caching.redis.RedisCache"


@pytest.mark.parametrize(
    "email_url", [None, "", "consolemail://", "dummymail://", "filemail:///tmp/mail", "memorymail://"]
)
def test_production_refuses_mail_that_stays_on_the_server(email_url):
    env = {key: value for key, value in REQUIRED.items() if key != "EMAIL_URL"}
    if email_url is not None:
        env["EMAIL_URL"] = email_url
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL|email schema"):
        load_settings(PRODUCTION, **env)


def test_production_refuses_a_cache_of_its_own_per_process():
    env = {key: value for key, value in REQUIRED.items() if key != "REDIS_URL"}
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        load_settings(PRODUCTION, **env)
    # One-process tools (collectstatic in an image build) may say so explicitly.
    assert (
        load_settings(PRODUCTION, **env, CACHE_SINGLE_PROCESS="true")
        .CACHES["default"]["BACKEND"]
        .endswith("LocMemCache")
    )


@pytest.mark.parametrize(
    "base_url",
    [
        None,
        "",
        "http://127.0.0.1:8000",  # the development default
        "http://www.stichtinglos.nl",
        "https://127.0.0.1",
        "https://localhost:8000",
        "https://cms.localhost",
        "https://[::1]",
        "https://0.0.0.0",
        "www.stichtinglos.nl",
    ],
)
def test_production_refuses_a_base_url_that_is_not_the_public_https_site(base_url):
    env = {key: value for key, value in REQUIRED.items() if key != "WAGTAILADMIN_BASE_URL"}
    if base_url is not None:
        env["WAGTAILADMIN_BASE_URL"] = base_url
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL"):
        load_settings(PRODUCTION, **env)


def test_production_links_in_mails_and_the_api_go_to_the_public_site():
    found = load_settings(PRODUCTION, **REQUIRED)
    assert found.WAGTAILADMIN_BASE_URL == found.WAGTAILAPI_BASE_URL == "https://www.stichtinglos.nl"
