"""Test settings: need no environment; DATABASE_URL selects PostgreSQL when set (CI runs both)."""

import atexit
import gc
import os
import shutil
import tempfile

from .base import *  # noqa: F403

DEBUG = False
# Every test process (pytest's workers, the e2e server, Django subprocesses) collects cyclic garbage after every
# 50,000 new objects instead of 700: a rendered Wagtail page makes tens of thousands (tests/conftest.py, which also
# freezes what lives for the whole run, has the figures).
gc.set_threshold(50_000, 10, 10)
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The end-to-end server is another process: it writes its mails to files the browser tests read (tests/e2e).
if os.environ.get("LOS_TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["LOS_TEST_EMAIL_DIR"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is off, so query budgets and every other test measure a real rendering; tests/performance/
# test_page_cache.py switches it on and proves it.
PAGE_CACHE_SECONDS = 0
SHARED_CACHE = True  # one process: site, routes and settings come from the cache as in production
WAGTAILADMIN_BASE_URL = "http://testserver"
# Generated demo images and uploads go to a throwaway folder, never into the checkout. The end-to-end server
# and the seed_demo run before it are separate processes: they share one folder through LOS_TEST_MEDIA_ROOT.
MEDIA_ROOT = os.environ.get("LOS_TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="los-test-media-")
STORAGES["import_export"]["OPTIONS"]["location"] = f"{MEDIA_ROOT.rstrip('/')}-private"  # noqa: F405 - beside it
if not os.environ.get("LOS_TEST_MEDIA_ROOT"):
    # The process that made the folders removes them when it ends (those it lent out above end before it): every
    # test process, Django subprocess and pytest-xdist worker left its own behind, a full run ~20 MB in /tmp.
    for folder in (MEDIA_ROOT, STORAGES["import_export"]["OPTIONS"]["location"]):  # noqa: F405
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
# The end-to-end server runs with these settings and DEBUG off: let WhiteNoise serve static files from the apps.
WHITENOISE_USE_FINDERS = True
# Other tests build a middleware per test client, so they look a file up when asked (autorefresh). The e2e server
# (tests/e2e/conftest.py) lists the static files once at start and lets the browser keep them: no request per file
# and page, and the admin's scripts are not fetched and compiled again on every page.
WHITENOISE_AUTOREFRESH = os.environ.get("LOS_TEST_E2E_SERVER") != "1"
if not WHITENOISE_AUTOREFRESH:
    WHITENOISE_MAX_AGE = 24 * 3600
# The e2e server is the whole site a browser sees, so it also serves the images, as production's proxy does
# (without them every image was a 404: pages were measured at 320 px and weighed with broken images).
LOS_SERVE_MEDIA = os.environ.get("LOS_TEST_E2E_SERVER") == "1"
# Machine translation in tests: wagtail-localize's offline DummyTranslator (never a real service).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
# Security: the suite logs in with client.login/force_login and the plain login form. django-axes needs the
# request in authenticate() (client.login has none) and 2FA would stop every admin test, so both are off here;
# tests/security switches them on and proves them. The end-to-end server logs staff in as production does
# (tests/e2e/conftest.py sets LOS_TEST_PRODUCTION_LOGIN=1).
LOS_ADMIN_REQUIRE_2FA = AXES_ENABLED = os.environ.get("LOS_TEST_PRODUCTION_LOGIN") == "1"
LOS_BACKUP_PASSPHRASE = "test-only-backup-passphrase"  # noqa: S105
# Every browser of the e2e server is one client, 127.0.0.1, for all the flows of a worker's run: dozens of staff
# logins within minutes, and sign-ups, subscriptions and password forms from several test files. Production's
# per-client limits (security.py, newsletter.py, campaigns/signups.py) refused the later ones (the admin login's 429
# page has no form: three flows timed out), so the e2e server lifts them all. tests/security/test_rate_limits.py and
# the apps' own tests prove the limits; django-axes' lockout of a user name stays on (the phone test reaches it).
if os.environ.get("LOS_TEST_E2E_SERVER") == "1":
    LOS_ADMIN_LOGIN_RATE_LIMIT = LOS_PASSWORD_FORM_RATE_LIMIT = LOS_PASSWORD_RESET_RATE_LIMIT = (10_000, 600)
    NEWSLETTER_RATE_LIMIT = CAMPAIGNS_SIGNUP_RATE_LIMIT = (10_000, 600)
