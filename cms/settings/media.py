"""Where uploads are stored and which of them a visitor may fetch directly (README › Security, docs/deployment.md).

Images and documents in the default storage (MEDIA_ROOT, or an S3-compatible bucket behind our own /media/);
spreadsheets an import keeps between preview and confirm in a private storage of their own.
"""

from django.core.exceptions import ImproperlyConfigured

from .environment import env

MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"
# Django serves /media/ only with DEBUG (development) and where this is on: the end-to-end test server, which
# stands in for production's proxy (cms/settings/test.py). In production the proxy serves it (README, Security).
LOS_SERVE_MEDIA = False
# The only folders of MEDIA_ROOT (or the bucket) a visitor may fetch directly: image renditions and originals (the
# API's download_url). Documents go through Django's serve view, which checks private collections and restricted
# pages; a proxy that forwarded all of /media/ handed out a private document to anyone guessing its file name.
LOS_PUBLIC_MEDIA_FOLDERS = ("images", "original_images")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Spreadsheets kept between an import's preview and confirm (spreadsheets/uploads.py): Meldpunt reports,
    # subscribers' addresses. Never under MEDIA_ROOT, where whatever serves /media/ would hand them to anyone
    # holding the name; readable by this account only. On object storage: a prefix of its own (below).
    "import_export": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env("PRIVATE_FILES_ROOT"),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}

# Media: S3-compatible object storage (django-storages) when AWS_STORAGE_BUCKET_NAME is set, else MEDIA_ROOT.
# Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3 itself, never stored here).
# Files are addressed under our own MEDIA_URL (/media/...), which the proxy forwards to the bucket, so no public
# page loads anything from another host (cms/storage.py).
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
    AWS_LOCATION = env.str("AWS_LOCATION", default="media")
    AWS_DEFAULT_ACL = None  # the bucket stays private; the proxy reads it with its own credentials
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000"}
    STORAGES["default"] = {"BACKEND": "cms.storage.ProxiedS3Storage"}
    # Kept import files under another prefix of the same private bucket, which the proxy does not forward.
    AWS_PRIVATE_LOCATION = env.str("AWS_PRIVATE_LOCATION", default="private")
    public, private = AWS_LOCATION.strip("/"), AWS_PRIVATE_LOCATION.strip("/")
    if not public or not private or f"{private}/".startswith(f"{public}/"):
        raise ImproperlyConfigured("AWS_PRIVATE_LOCATION must lie outside AWS_LOCATION (docs/deployment.md).")
    STORAGES["import_export"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": AWS_PRIVATE_LOCATION, "object_parameters": {"CacheControl": "private, no-store"}},
    }
