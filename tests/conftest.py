"""Shared fixtures. The test database holds the demo content (built once per run with seed_demo); every test
runs in a transaction that is rolled back, so tests can change it freely."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site

from demo import MICROSITE_HOSTNAME


@pytest.fixture(scope="session")
def seeded_database_cache(django_db_modify_db_settings, django_db_blocker):
    """The cache entry for this run's seeded database (tests/seeded_database.py), or None when the cache is off.
    When it holds the database, the test database is made without migrations (seconds) and then replaced."""
    from django.conf import settings
    from django.db import connection

    from tests.seeded_database import SeededDatabaseCache, enabled

    if not enabled():
        return None
    with django_db_blocker.unblock():
        cache = SeededDatabaseCache(connection, settings.MEDIA_ROOT)
        if cache.available():
            connection.settings_dict["TEST"]["MIGRATE"] = False
    return cache


@pytest.fixture(scope="session")
def django_db_setup(seeded_database_cache, django_db_setup, django_db_blocker):
    from django.db import connection
    from wagtail.models import Page

    from caching.warming import warm

    cache = seeded_database_cache
    with django_db_blocker.unblock():
        if cache is not None and connection.settings_dict["TEST"].get("MIGRATE") is False:
            cache.restore()
            connection.settings_dict["TEST"]["MIGRATE"] = True
            return
        call_command("seed_demo", verbosity=0)
        # Every page rendered once, as the worker does after publishing in production: the image renditions
        # then exist for the whole run, instead of being encoded again inside every test's rolled-back
        # transaction (a news listing took three times as long).
        for page in Page.objects.live().public().filter(depth__gt=1).specific():
            warm(page)
        if cache is not None:
            cache.save()


@pytest.fixture
def main_site(db) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(main_site):
    return main_site.root_page.specific


@pytest.fixture
def microsite(db) -> Site:
    return Site.objects.get(hostname=MICROSITE_HOSTNAME)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: cached fragments of one test's (rolled back) content must not
    show up in the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


# Each pytest-xdist worker has a Redis database of its own (gw0: 15, gw1: 14): `redis_cache` empties the whole
# database, which a rate-limit test on the other worker would be counting in.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("LOS_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{15 - _WORKER}")


def _redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except (redis.RedisError, OSError):
        return False


@pytest.fixture
def redis_cache():
    """Production's shared cache, a real Redis (`LOS_TEST_REDIS_URL`; .ci/run starts one), as the default cache;
    emptied before and after. Skipped when no Redis server answers."""
    from django.core.cache import caches

    if not _redis_reachable():
        pytest.skip(f"no Redis server answers at {REDIS_URL}")
    backend = {
        "BACKEND": "caching.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "los-test",
    }
    with override_settings(CACHES={"default": backend}):
        caches["default"].clear()
        try:
            yield caches["default"]
        finally:
            caches["default"].clear()


@pytest.fixture(autouse=True)
def dutch_by_default():
    """Requests to /en/ leave English active in the test thread; start every test in Dutch, as visitors do."""
    with translation.override("nl"):
        yield
