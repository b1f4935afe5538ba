"""Location data never leaves the building: GPS tags are removed from uploaded originals.

Willow (1.12) copies the original's EXIF block, GPS included, into JPEG and PNG renditions, so stripping must
happen at the source: new uploads lose their GPS block (EXIF tag 0x8825) and any XMP packet before they are
written, and `manage.py strip_image_locations` cleans images uploaded before (and regenerates their renditions).
That also covers the originals themselves, which the API's `download_url` and the admin serve as uploaded.
JPEGs are rewritten with their own quantisation tables (`quality="keep"`), so the picture is not degraded;
orientation and colour profile stay. tests/security/test_uploads.py proves all of it with a GPS-tagged photo.
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


def strip_stored_image(image) -> bool:
    """Rewrite an already stored original without location data and drop its renditions (which Willow made
    with the original's EXIF); True when the image had location data."""
    with image.open_file() as original:
        cleaned = without_location(original.read())
    if cleaned is None:
        return False
    storage = image.file.storage
    name = image.file.name
    storage.delete(name)
    stored_name = storage.save(name, ContentFile(cleaned))
    image.renditions.all().delete()  # deletes the rendition files too (Wagtail's post_delete)
    type(image).objects.filter(pk=image.pk).update(
        file=stored_name,
        file_size=len(cleaned),
        file_hash=hashlib.sha1(cleaned).hexdigest(),  # noqa: S324 - Wagtail's duplicate check uses SHA-1
    )
    return True
