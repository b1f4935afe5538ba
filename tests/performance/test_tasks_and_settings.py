"""Background work (issue 11, item 5) and the environment switches of the scale-out design (item 6).

The task tests run the real database queue (django-tasks-db) and its real worker command. The settings tests
import the production settings with a given environment (tests/settings_probe.py) and read what they make of it: S3,
the read replica, Redis and the CDN purge are only *configured* here; no S3 bucket, replica or CDN is
reached (none exists on a test machine), which is why those tests stop at the wiring.
"""

from __future__ import annotations

import json

import pytest
import wagtail_factories
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings

from news.models import NewsIndexPage
from news.share_image import share_image_name
from news.tasks import generate_share_image
from tests.factories.news import NewsPageFactory
from tests.settings_probe import load_settings

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The worker closes "old" database connections between tasks; inside a test's transaction that would close
    the test's own connection (PostgreSQL). Django's test client switches the same hygiene off for requests."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


@pytest.fixture
def news_item(home_page):
    index = NewsIndexPage.objects.child_of(home_page).get()
    return NewsPageFactory(
        parent=index,
        title="Wachtrijbericht",
        listing_image=wagtail_factories.ImageFactory(),
        listing_image_alt="Foto",
    )


@override_settings(TASKS=DB_TASKS)
def test_a_queued_task_waits_in_the_database_until_the_worker_runs_it(news_item):
    from django_tasks_db.models import DBTaskResult

    name = share_image_name(news_item)
    if default_storage.exists(name):
        default_storage.delete(name)
    result = generate_share_image.enqueue(news_item.pk)
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "READY"
    assert not default_storage.exists(name)  # nothing ran in the request

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    assert default_storage.exists(name)
    assert row.return_value == name


@override_settings(TASKS=DB_TASKS, LOS_WARM_PUBLISHED_PAGES=True)
def test_publishing_queues_its_side_effects_for_the_worker(news_item, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.filter(image=news_item.listing_image)
    renditions.delete()
    with django_capture_on_commit_callbacks(execute=True):
        news_item.save_revision().publish()
    queued = set(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
    assert {"news.tasks.generate_share_image", "caching.warming.warm_page"} <= queued
    assert not renditions.exists()  # the first visitor would have waited for these

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
    warm = DBTaskResult.objects.get(task_path="caching.warming.warm_page")
    assert set(warm.return_value.values()) == {200}
    specs = set(renditions.values_list("filter_spec", flat=True))
    assert {"format-avif|width-480", "format-webp|width-800", "format-jpeg|width-480"} <= specs
    assert default_storage.exists(share_image_name(news_item))


def test_tasks_run_inline_in_development_and_tests(news_item, django_capture_on_commit_callbacks):
    name = share_image_name(news_item)
    if default_storage.exists(name):
        default_storage.delete(name)
    with django_capture_on_commit_callbacks(execute=True):
        news_item.save_revision().publish()
    assert default_storage.exists(name)


# Environment switches ----------------------------------------------------------------------------------------

BASE_ENV = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "stichtinglos.nl",
    "DATABASE_URL": "sqlite:////tmp/los-settings-check.sqlite3",
    "SECURE_SSL_REDIRECT": "false",
    "EMAIL_URL": "smtp+tls://mail.internal:587",
    "REDIS_URL": "redis://cache.internal:6379/1",  # production refuses a cache of its own per process
    "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
    "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local or http address
}
PRODUCTION = "cms.settings.production"


def _probe(**env: str) -> dict:
    """What production settings switch on for this environment (read in-process, tests/settings_probe.py)."""
    found = load_settings(PRODUCTION, **{**BASE_ENV, **env})
    return {
        "cache": found.CACHES["default"]["BACKEND"],
        "cache_location": found.CACHES["default"].get("LOCATION"),
        "tasks": found.TASKS["default"]["BACKEND"],
        "storage": found.STORAGES["default"]["BACKEND"],
        "static": found.STORAGES["staticfiles"]["BACKEND"],
        "frontend": sorted(found.WAGTAILFRONTENDCACHE),
        "frontend_app": "wagtail.contrib.frontend_cache" in found.INSTALLED_APPS,
        "databases": sorted(found.DATABASES),
        "routers": list(getattr(found, "DATABASE_ROUTERS", [])),
        "replica_middleware": "cms.db_routing.ReplicaMiddleware" in found.MIDDLEWARE,
        "bucket": getattr(found, "AWS_STORAGE_BUCKET_NAME", ""),
    }


def test_production_defaults_need_no_services_but_mail_and_a_shared_cache():
    found = _probe()
    assert found["cache"] == "caching.redis.RedisCache"
    assert found["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"  # TASKS_BACKEND=database + worker
    assert found["storage"] == "django.core.files.storage.FileSystemStorage"
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["frontend"] == [] and not found["frontend_app"]
    assert found["databases"] == ["default"] and found["routers"] == [] and not found["replica_middleware"]


def test_every_service_is_switched_on_by_its_environment_variable():
    found = _probe(
        REDIS_URL="redis://cache.internal:6379/1",
        TASKS_BACKEND="database",
        AWS_STORAGE_BUCKET_NAME="los-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.internal",
        FRONTEND_CACHE_URL="http://proxy.internal/",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
        DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/los",
    )
    assert found["cache"] == "caching.redis.RedisCache"
    assert found["cache_location"] == "redis://cache.internal:6379/1"
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["storage"] == "cms.storage.ProxiedS3Storage" and found["bucket"] == "los-media"
    # Purged by caching/purge.py (tests/performance/test_proxy_purge.py), not by Wagtail's publish-only app.
    assert found["frontend"] == ["cloudflare", "proxy"] and not found["frontend_app"]
    assert found["databases"] == ["default", "replica"]
    assert found["routers"] == ["cms.db_routing.ReplicaRouter"] and found["replica_middleware"]


def test_media_on_object_storage_is_linked_through_our_own_host():
    # Media through our own host (the proxy forwards /media/ to the bucket): no third-party host in a page.
    from cms.storage import ProxiedS3Storage

    storage = ProxiedS3Storage(bucket_name="los-media", endpoint_url="https://s3.example.internal")
    assert storage.url("original_images/foto één.jpg") == "/media/original_images/foto%20%C3%A9%C3%A9n.jpg"


def test_an_unknown_task_backend_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured, match="TASKS_BACKEND must be one of"):
        load_settings(PRODUCTION, **BASE_ENV, TASKS_BACKEND="celery")


# Read replica router ------------------------------------------------------------------------------------------


def test_only_anonymous_safe_requests_read_from_the_replica(rf, settings):
    from cms.db_routing import ReplicaMiddleware, ReplicaRouter

    settings.DATABASES = {**settings.DATABASES, "replica": dict(settings.DATABASES["default"])}
    router = ReplicaRouter()
    seen = {}

    def view(request):
        seen[request.method + request.path + str(bool(request.COOKIES))] = router.db_for_read(None)
        return None

    middleware = ReplicaMiddleware(view)
    middleware(rf.get("/nieuws/"))
    middleware(rf.post("/aanmelden/1/"))
    middleware(rf.get("/admin/pages/"))
    with_session = rf.get("/nieuws/")
    with_session.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    middleware(with_session)
    assert seen == {
        "GET/nieuws/False": "replica",
        "POST/aanmelden/1/False": "default",
        "GET/admin/pages/False": "default",
        "GET/nieuws/True": "default",
    }
    assert router.db_for_read(None) == "default"  # outside a request: commands, tasks
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica", "news") is False


# Static files ---------------------------------------------------------------------------------------------------


def test_collectstatic_writes_compressed_fingerprinted_files(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["css/main.css"]
    assert hashed != "css/main.css" and (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists()
    from django.templatetags.static import static

    assert static("css/main.css") == f"/static/{hashed}"
