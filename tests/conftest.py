"""Shared fixtures. The test database holds the demo content (built once per run with seed_demo); every test
runs in a transaction that is rolled back, so tests can change it freely."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site

from cms.local_services import end_other_sessions
from demo import MICROSITE_HOSTNAME


def pytest_collection_finish(session):
    """Python's cyclic garbage collector runs after every 700 new container objects; a rendered Wagtail page makes
    tens of thousands, so it ran hundreds of times per test, each time walking Django's, Wagtail's and the test
    modules' objects that live for the whole run. Those are frozen out of its view once collected, and it runs
    after every 50,000 instead (measured on tests/security/test_hostile_matrix.py, tests/editors and tests/meldpunt, one
    process, two runs each: 58.7-59.6 s -> 51.8-55.5 s; peak memory 352 MB; `make test` on SQLite 265 s -> 241 s).
    The threshold is set in cms/settings/test.py, for the e2e server and Django subprocesses too."""
    gc.collect()
    gc.freeze()


def pytest_make_parametrize_id(config, val, argname):
    """A test parametrized with a file's bytes is named "bytes", not by the bytes: a spreadsheet written at collection
    holds the time it was written, so the two pytest-xdist workers named the same test differently a second apart and
    the run stopped ("Different tests were collected between gw0 and gw1"). pytest numbers equal names in order."""
    return "bytes" if isinstance(val, bytes | bytearray) else None


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
            if connection.vendor == "postgresql":
                # Django creates the test database as a copy of the cached one: its tables exist, so the
                # syncdb that follows (MIGRATE False) creates none (on an empty database: ~700 statements).
                connection.settings_dict["TEST"]["TEMPLATE"] = cache.template
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
        else:
            call_command("seed_demo", verbosity=0)
            # Every page rendered once, as the worker does after publishing in production: the image renditions
            # then exist for the whole run, instead of being encoded again inside every test's rolled-back
            # transaction (a news listing took three times as long).
            for page in Page.objects.live().public().filter(depth__gt=1).specific():
                warm(page)
            if cache is not None:
                cache.save()
    yield
    # pytest-django drops the test database next. Under pytest-xdist a session on it sometimes outlives Django's
    # close (seen on both workers at the end of most full runs); DROP DATABASE then waits 5 s, fails and leaves the
    # database behind. End every session on it first, as copy_test_database does before copying.
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            end_other_sessions(connection.settings_dict["NAME"])


@pytest.fixture
def main_site(db) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(main_site):
    return main_site.root_page.specific


@pytest.fixture
def microsite(db) -> Site:
    return Site.objects.get(hostname=MICROSITE_HOSTNAME)


def _viewed_pages():
    """One live page of every page type in each language, and every site's home page in each of its languages."""
    from wagtail.models import Page

    chosen = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        chosen.setdefault((type(page), page.locale_id), page)
    for site in Site.objects.all():
        for home in site.root_page.get_translations(inclusive=True).live().specific():
            chosen.setdefault(("home", home.pk), home)
    return chosen.values()


@pytest.fixture(scope="session")
def viewed_site_cache(django_db_setup, django_db_blocker):
    """The local-memory caches as the seeded site leaves them once its pages have been viewed: the site chrome
    (menus, footer, funders, languages) and the pages' fragments, all made from the seeded content every test
    starts from. Built once per worker (about 1.5 s); starting a test from it instead of an empty cache saves
    rendering the same chrome again in about every test that views a page (a cold page costs 3-4 times a warm
    one)."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache
    from django.db import transaction

    from caching.warming import warm

    with django_db_blocker.unblock(), transaction.atomic():
        for cache in caches.all():
            cache.clear()
        for page in _viewed_pages():
            warm(page)
        snapshot = {
            alias: (dict(caches[alias]._cache), dict(caches[alias]._expire_info))
            for alias in caches
            if isinstance(caches[alias], LocMemCache)
        }
        transaction.set_rollback(True)  # a view that writes (a search count, a rendition) leaves nothing
    return snapshot


# Tests that start from an empty cache: a test that counts queries measures the uncached rendering (the first
# visitor's), a transactional test may not find the seeded content, and tests/performance measures the caches.
COUNTING_FIXTURES = {"django_assert_num_queries", "django_assert_max_num_queries"}


def _starts_cold(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or {"db", "transactional_db"} & set(request.fixturenames)
    return (
        not uses_db
        or "transactional_db" in request.fixturenames
        or (marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
        or bool(COUNTING_FIXTURES & set(request.fixturenames))
        or hasattr(request.module, "CaptureQueriesContext")
        or request.node.path.is_relative_to(Path(__file__).parent / "performance")
    )


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Every test starts with the cache of the seeded site (`viewed_site_cache`), or an empty one: cached
    fragments and counters of one test's (rolled back) content must not show up in the next."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        cache.clear()
    if not _starts_cold(request):
        for alias, (entries, expiry) in request.getfixturevalue("viewed_site_cache").items():
            cache = caches[alias]
            if isinstance(cache, LocMemCache):  # not when a test's settings put Redis there (`redis_cache`)
                cache._cache.update(entries)
                cache._expire_info.update(expiry)
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
