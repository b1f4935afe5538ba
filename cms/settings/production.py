"""Production: fail fast on missing secrets, compressed static files, secure cookies."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)

for required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"):
    if required not in env.ENVIRON or not env.ENVIRON[required].strip():
        raise ImproperlyConfigured(f"Set the {required} environment variable (see README.md).")
if len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

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
