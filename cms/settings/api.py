"""Settings of the headless API (the api/ app, docs/api.md): paging, the partner rate limit, CORS."""

from .environment import env

WAGTAILAPI_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
# The API's per-client limit (api/viewsets.py): far above what a partner page showing the agenda needs. The client
# address is the site's one (CLIENT_IP_HEADER, security/ratelimit.py), as for the forms.
LOS_API_RATE = env("API_RATE")
# Partner sites read the API from the browser: any origin, GET only, never with cookies or credentials.
CORS_URLS_REGEX = r"^/api/v2/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified")
