"""Settings of the headless API (the api/ app, docs/api.md): paging, the partner rate limit, CORS."""

from .environment import env

WAGTAILAPI_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # How many proxies in front of the app to trust for the client address of the API's rate limit.
    "NUM_PROXIES": env("TRUSTED_PROXY_COUNT"),
}
# The API's per-client limit (api/viewsets.py): far above what a partner page showing the agenda needs.
LOS_API_RATE = env("API_RATE")
# Partner sites read the API from the browser: any origin, GET only, never with cookies or credentials.
CORS_URLS_REGEX = r"^/api/v2/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified")
