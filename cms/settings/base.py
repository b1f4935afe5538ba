"""Settings shared by every environment.

Every knob that differs between a laptop and production is read from the environment (the schema is in
environment.py, documented in README.md and .env.example). The security settings are in security.py. dev.py,
test.py and production.py only change defaults.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# The environment schema (every variable and its default), the API's and the security settings have modules of
# their own.
from .api import *  # noqa: F403
from .editors import *  # noqa: F403  (the admin for editors: translations, login form, autosave)
from .environment import BASE_DIR, PROJECT_DIR, env
from .media import *  # noqa: F403  (uploads: where they are stored, which of them visitors may fetch)
from .meldpunt import *  # noqa: F403  (issue 23: the key of the Meldpunt's encrypted contact field)
from .newsletter import *  # noqa: F403  (issue 20: the newsletter's limits and its provider webhook)
from .search import *  # noqa: F403  (the search backends per language, Elasticsearch)
from .security import *  # noqa: F403

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")

# Applications ----------------------------------------------------------------------------------------------
# The project's own apps, in dependency order (docs/architecture.md). The base apps come first: `home` is the
# site shell, `multilingual` the languages and translation workflow, `editors` roles and guidance, `caching` the
# cache headers and shared fragments, `api` the headless API's shared parts, `spreadsheets` the import and export
# of any sheet, `public_numbers` publishing counts about people (disclosure control, charts), `security` below.
# `research` owns funders that other apps show. `demo` is a tool (seed_demo and its loader) that no app imports;
# it reads each app's demo data (<app>/demo/*.yaml) in this order.
BASE_APPS = ["home", "multilingual", "editors", "caching", "api", "spreadsheets", "public_numbers"]
FEATURE_APPS = ["research", "news", "events", "campaigns", "search", "figures", "newsletter", "meldpunt"]
TOOL_APPS = ["demo"]
LOCAL_APPS = [*BASE_APPS, *FEATURE_APPS, *TOOL_APPS]

INSTALLED_APPS = [
    *LOCAL_APPS,
    "security",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "editors.users_app.LosUsersAppConfig",  # wagtail.users, with the groups explained on the Roles tab
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "import_export",
    "corsheaders",
    "django.contrib.humanize",  # its Dutch catalogue: Wagtail's "13 seconden geleden" (naturaltime)
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # api: partner sites may read /api/v2/ from the browser
    "api.http.ConditionalAPIMiddleware",  # api: ETag/Last-Modified and 304 on /api/v2/
    "security.headers.PrivacyHeadersMiddleware",  # security: Referrer-Policy per site, Permissions-Policy
    "security.headers.SiteCSPMiddleware",  # security: Content-Security-Policy (public and admin)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "security.bad_input.UnusableInputMiddleware",  # security: NUL and control bytes answer 400 before any view
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "caching.page_cache.PageCacheMiddleware",  # whole pages for anonymous visitors (no query on a hit)
    "multilingual.middleware.SiteLanguageMiddleware",  # issue 8: only the languages a site offers
    "multilingual.middleware.IsolateLtrMiddleware",  # issue 21: numbers, URLs and names stay LTR in RTL pages
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # security: request.user.is_verified()
    "security.two_factor.AdminTwoFactorMiddleware",  # security: 2FA for the admin (LOS_ADMIN_REQUIRE_2FA)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # security: login throttling (last, as django-axes documents)
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Data ------------------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"].setdefault("CONN_MAX_AGE", 0 if DEBUG else 60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache, background tasks, media storage and a read replica: see "Performance and scale-out" at the end.

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")

# Passwords -------------------------------------------------------------------------------------------------
# django-axes first: it refuses a locked-out user name before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "security.passwords.DutchCommonWordsValidator"},  # security: "Wachtwoord2026!" and friends
]

# Languages -------------------------------------------------------------------------------------------------
# Dutch is the source language of content and the default language of the site and the admin.
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Multilingual (issue 8) --------------------------------------------------------------------------------------
# LOS_LANGUAGES lists every language this installation can offer, Dutch first (the source language). Which of
# these a site actually offers visitors is a per-site setting editors change in the admin (Settings › Talen,
# home.models.SiteLanguages); a language not listed here cannot be chosen there. Names are the languages' own
# names (endonyms), as visitors look for them in a language switcher.
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
    "de": "Deutsch",
    "tr": "Türkçe",
    "pl": "Polski",
    "uk": "Українська",
    "fa": "فارسی",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "pt": "Português",
    "ru": "Русский",
}
LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code))
    for code in env.list("LOS_LANGUAGES", default=["nl", "en", "fr", "es", "ar"])
    if code.strip()
]
if not LANGUAGES or LANGUAGES[0][0] != "nl":
    raise ValueError("LOS_LANGUAGES must start with nl (Dutch is the source language)")
# Languages a site offers until editors choose in Settings › Talen (the microsite's choice is set by seed_demo).
LOS_DEFAULT_SITE_LANGUAGES = ["nl", "en"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin interface itself stays in the languages the staff work in.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Machine translation in wagtail-localize's editor, off unless LOS_MACHINE_TRANSLATOR is set: "deepl" (key in
# LOS_MACHINE_TRANSLATOR_KEY) or "libretranslate" (LOS_MACHINE_TRANSLATOR_URL, key optional). Texts are sent
# to that service: use it only for content that may leave our servers.
_MACHINE_TRANSLATORS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",  # tests only: reverses words
}
_machine_translator = env.str("LOS_MACHINE_TRANSLATOR", default="").strip().lower()
if _machine_translator:
    if _machine_translator not in _MACHINE_TRANSLATORS:
        raise ValueError(f"LOS_MACHINE_TRANSLATOR must be one of {', '.join(_MACHINE_TRANSLATORS)}")
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": _MACHINE_TRANSLATORS[_machine_translator],
        "OPTIONS": {
            "AUTH_KEY": env.str("LOS_MACHINE_TRANSLATOR_KEY", default=""),  # DeepL
            "API_KEY": env.str("LOS_MACHINE_TRANSLATOR_KEY", default=""),  # LibreTranslate
            "LIBRETRANSLATE_URL": env.str("LOS_MACHINE_TRANSLATOR_URL", default="").rstrip("/"),
            "TIMEOUT": 10,
        },
    }

# Static files (uploads: media.py) --------------------------------------------------------------------------
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail ---------------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Stichting LOS"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
# Privacy: the admin must not send editors' e-mail hashes to Gravatar or ping wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Edit conflicts (issue 24): while a page or snippet is open, the editor asks every 10 s who else has it open and
# whether someone saved a newer version since; saving or publishing over such a version asks first, with a link
# to the latest version (Wagtail's concurrent editing notifications, in the admin's Dutch). Explicit, so nobody
# switches it off by accident: two editors publishing the same page used to mean the last one won silently.
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10_000

# Documents are served through Django so that permissions and safe headers apply.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt", "pptx", "odp", "rtf", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024

WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Logging: never personal data. Django's request logger would print paths with query strings; we keep
# errors, and the access log of the proxy is configured without IP addresses (see docs/deployment.md).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # security/log.py: e-mail and IP addresses and URL query strings are replaced before a line is written.
        "plain": {"()": "security.log.RedactingFormatter", "format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        "los": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

SITE_TITLE = _("Stichting LOS")

# Editors (editors/roles.py): moderation, comments, notifications ---------------------------------------------
# Groups, collections and the approval workflow are defined in editors/roles.py. Workflow and comment
# notifications go out through the mail backend of EMAIL_URL, from DEFAULT_FROM_EMAIL, to the members of the
# approving group (Eindredactie) and to the author; superusers are not copied on every submission.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# The image form explains the description field, Wagtail's default alt text, in Dutch.
WAGTAILIMAGES_IMAGE_FORM_BASE = "editors.forms.LosImageForm"

# Performance and scale-out (issue 11; docs/deployment.md) ------------------------------------------------
# Each piece is switched on by an environment variable; unset, the site runs on one machine with no services.
# Cache: Redis (Django's backend reusing one client per pool, caching/redis.py; shared by every app server) when
# REDIS_URL is set, else local memory.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "caching.redis.RedisCache",  # Django's, reusing its Redis client (caching/redis.py)
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "los",
            "TIMEOUT": 3600,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "KEY_PREFIX": "los"}}
# Navigation, footer and funder strip are cached as HTML fragments per site and language (caching/fragments.py);
# publishing or saving a snippet or setting makes them stale at once, this is only the upper bound.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
# Whole pages for anonymous visitors (caching/page_cache.py), stale at once on every change; the seconds are only an
# upper bound. Local memory is per process (a publication would reach one gunicorn worker only), so without Redis
# the page cache is off and routes are not cached (dev.py and test.py: one process). Ignored params: campaign tags.
SHARED_CACHE = bool(env("REDIS_URL"))
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600 if SHARED_CACHE else 0)
PAGE_CACHE_IGNORED_PARAMS = frozenset(("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid"))
# Cache-Control of public pages for anonymous visitors (caching/cache_control.py). Editors, previews, the admin
# and answers to posted forms get "private, no-store".
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=300)
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = env.int("PUBLIC_CACHE_STALE_WHILE_REVALIDATE", default=600)

# Front-end cache (CDN or caching proxy); off unless configured.
# FRONTEND_CACHE_URL: an HTTP purge endpoint (Varnish, nginx proxy_cache_purge); or Cloudflare by API token.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_URL"),
    }
if env.str("CLOUDFLARE_API_TOKEN", default="") and env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }
# Purged by caching/purge.py after every change that makes the page cache stale (pages, snippets, settings, imports):
# one path, so Wagtail's publish-only app `wagtail.contrib.frontend_cache` is not installed, only its backends used.
WAGTAILFRONTENDCACHE_LANGUAGES = []  # our URLs carry the language themselves (/en/...), purge them as they are

# Background tasks (django-tasks): "immediate" runs a task inside the request (development, tests);
# "database" queues it in the database (django-tasks-db) for `manage.py db_worker` (production default).
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
# Warming a page after publishing (caching/warming.py) makes its image renditions before the first visitor
# comes. It is worth it only off the request path: with the immediate backend it would render three pages
# inside the editor's publish request (and inside every seed_demo and test publication), so it is off there.
LOS_WARM_PUBLISHED_PAGES = env.bool("WARM_PUBLISHED_PAGES", default=TASKS_BACKEND != "immediate")

# PostgreSQL read replica: anonymous GET requests read from it, everything else uses the primary
# (cms/db_routing.py). Off unless DATABASE_REPLICA_URL is set.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["cms.db_routing.ReplicaRouter"]
    MIDDLEWARE.insert(0, "cms.db_routing.ReplicaMiddleware")

# Where collectstatic writes the compressed, fingerprinted static files WhiteNoise serves (CompressedManifest
# storage in production; media.py's STORAGES). A path outside the checkout suits read-only app images.
STATIC_ROOT = env.str("STATIC_ROOT", default=str(BASE_DIR / "static"))

# Cache-Control for public pages. Outermost but one, so it sees the final response (cookies set by the session
# or CSRF middleware make a response private) and the user the auth middleware found.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "caching.cache_control.CacheControlMiddleware",
)
