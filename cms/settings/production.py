"""Production: fail fast on missing secrets, compressed static files, secure cookies."""

import ipaddress
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)

for required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if required not in env.ENVIRON or not env.ENVIRON[required].strip():
        raise ImproperlyConfigured(f"Set the {required} environment variable (see README.md).")
if len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

# Real mail: without EMAIL_URL the console backend would print sign-up notifications (names, towns) into the
# server log. Backends that keep mail on the server are refused for the same reason.
LOCAL_MAIL_BACKENDS = ("console", "locmem", "filebased", "dummy")
_mail_backend = EMAIL_BACKEND.rsplit(".", 2)[-2]  # noqa: F405 - from EMAIL_URL in base.py
if not env.ENVIRON.get("EMAIL_URL", "").strip() or _mail_backend in LOCAL_MAIL_BACKENDS:
    raise ImproperlyConfigured("Set EMAIL_URL to a real mail server, e.g. smtp+tls://user:pass@host:587 (README).")
# A shared cache: the sign-up rate limit, login throttling and the fragment cache must be the same for every app
# server and worker; local memory per process lets an unpublished page linger in some workers' menus and splits
# every rate limit by the number of workers. CACHE_SINGLE_PROCESS=true is for one-process tools only
# (collectstatic in an image build, a one-worker benchmark), never for a site.
if CACHES["default"]["BACKEND"].endswith("LocMemCache") and not env.bool(  # noqa: F405
    "CACHE_SINGLE_PROCESS", default=False
):
    raise ImproperlyConfigured("Set REDIS_URL: production needs a cache shared by every app server (README).")

# The Meldpunt's contact details (issue 23): encrypted with production's own key, never the development key.
if not env.ENVIRON.get("MELDPUNT_ENCRYPTION_KEY", "").strip() or MELDPUNT_DEV_KEY in MELDPUNT_ENCRYPTION_KEYS:  # noqa: F405
    raise ImproperlyConfigured("Set MELDPUNT_ENCRYPTION_KEY to a Fernet key of production's own (README, Meldpunt).")


def _is_local(host: str | None) -> bool:
    """A host no visitor reaches: none, localhost, a loopback or unspecified address."""
    host = (host or "").rstrip(".")
    if not host or host in ("localhost", "testserver") or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


# The site's public address: password-reset links, workflow mails and the API's detail_url are built from it, and
# the default (http://127.0.0.1:8000) sent editors to a machine that is not the site. Only https on a real host.
_base_url = urlsplit(env.ENVIRON.get("WAGTAILADMIN_BASE_URL", "").strip())
if _base_url.scheme != "https" or _is_local(_base_url.hostname):
    raise ImproperlyConfigured(
        "Set WAGTAILADMIN_BASE_URL to the site's public https address, e.g. https://www.stichtinglos.nl (README)."
    )

# Security (security/): two-factor authentication for the admin is on unless ADMIN_REQUIRE_2FA=false.
LOS_ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=True)

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a TLS-terminating proxy: trust its X-Forwarded-Proto header only when told to.
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
