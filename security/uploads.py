"""Location data never leaves the building: GPS tags are removed from uploaded originals.

Wagtail's renditions are re-encoded by Willow/Pillow without EXIF, so thumbnails on public pages carry no
location (tests/security prove it). Originals are another matter: the API's `download_url`, the admin and any
storage listing serve them as uploaded, and a phone photo of a safe house carries its coordinates. So new
uploads lose their GPS block (EXIF tag 0x8825) and any XMP packet before they are written. JPEGs are rewritten
with their own quantisation tables (`quality="keep"`), so the picture is not degraded; orientation and colour
profile stay.
"""

from __future__ import annotations

import hashlib
import io
import logging

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

logger = logging.getLogger("los.security")

GPS_IFD = 0x8825
REWRITABLE = {"JPEG", "PNG", "WEBP", "TIFF"}


def without_location(data: bytes) -> bytes | None:
    """The image bytes without GPS and XMP metadata, or None when there is nothing to remove."""
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            fmt = image.format
            if fmt not in REWRITABLE:
                return None
            exif = image.getexif()
            has_xmp = bool(image.info.get("xmp") or image.info.get("XML:com.adobe.xmp"))
            if GPS_IFD not in exif and not has_xmp:
                return None
            exif.pop(GPS_IFD, None)
            options: dict = {"exif": exif.tobytes()}
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
            if fmt == "JPEG":
                options.update(quality="keep", subsampling="keep")
            elif fmt == "WEBP":
                options.update(quality=95, lossless=bool(image.info.get("lossless")))
            out = io.BytesIO()
            image.save(out, fmt, **options)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError):
        logger.warning("Could not check an uploaded image for location data", exc_info=False)
        return None


def strip_location_on_upload(sender, instance, **kwargs) -> None:
    """pre_save receiver for the image model: rewrite a new, not yet stored upload without location data."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return
    field_file.seek(0)
    data = field_file.read()
    field_file.seek(0)
    cleaned = without_location(data)
    if cleaned is None:
        return
    instance.file = ContentFile(cleaned, name=field_file.name)
    instance.file_size = len(cleaned)
    instance.file_hash = hashlib.sha1(cleaned).hexdigest()  # noqa: S324 - Wagtail's duplicate check uses SHA-1
