"""Local development: debug on, a fixed throwaway key, mail to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# The dev server is one process, so local memory serves the page cache correctly (base.py: off without Redis).
SHARED_CACHE = True
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
# The dev server serves uncompressed static files; no manifest needed.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
