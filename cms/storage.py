"""Media storage on S3-compatible object storage, addressed through our own host.

Visitors must never load anything from another host (not even our bucket's), so files are linked as
``MEDIA_URL + name`` (``/media/...``, relative, so the microsite's own host serves them too) and the caching
proxy forwards ``/media/`` to the bucket (docs/deployment.md). Uploads and renditions are written with the
S3 API as django-storages does it.
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class ProxiedS3Storage(S3Storage):
    """S3Storage whose public URLs point at our own ``/media/`` path instead of the bucket's host."""

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        # Storage names are relative to AWS_LOCATION; the proxy maps /media/<name> to <bucket>/<location>/<name>.
        return f"{settings.MEDIA_URL}{quote(clean_name(name))}"
