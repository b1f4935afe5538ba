"""The environment schema: the variables every settings module reads, with their types and defaults.

Documented in README.md (Configuration) and .env.example. A local .env file is read for development;
production sets real environment variables.
"""

from __future__ import annotations

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]", ".localhost"]),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    PRIVATE_FILES_ROOT=(str, str(BASE_DIR / "private-files")),
    ELASTICSEARCH_URL=(str, ""),
    REDIS_URL=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "LOS <noreply@stichtinglos.nl>"),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    # Security (security/): see the "Security" block below and README › Security.
    ADMIN_REQUIRE_2FA=(bool, False),
    ADMIN_SESSION_HOURS=(int, 8),
    LOGIN_FAILURE_LIMIT=(int, 5),
    LOGIN_COOLOFF_MINUTES=(int, 15),
    NO_REFERRER_HOSTS=(list, ["ilegalevrouw.nl", ".ilegalevrouw.nl", "ilegalevrouw.localhost"]),
    SECURITY_CONTACT=(list, ["mailto:security@stichtinglos.nl"]),
    SECURITY_POLICY_URL=(str, ""),
    CLIENT_IP_HEADER=(str, ""),
    BACKUP_PASSPHRASE=(str, ""),
    BACKUP_RETENTION_DAYS=(int, 30),
    CLIENT_IP_PROXY_HOPS=(int, 1),
    # The headless API (api/, docs/api.md): the per-client request limit for partner sites.
    API_RATE=(str, "600/minute"),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
