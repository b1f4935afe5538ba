"""Location data never leaves the building: uploaded images are re-encoded without it, or refused.

Willow (1.12) copies the original's EXIF block, GPS included, into JPEG and PNG renditions, so cleaning must happen
at the source: a new upload loses its GPS block (EXIF tag 0x8825), its XMP packet and (GIF) its application
extensions before it is written, and `manage.py strip_image_locations` cleans images uploaded before (and
regenerates their renditions). That also covers the originals, which the API's `download_url` and the admin serve
as uploaded. Every format the site accepts is rewritten in its own format (JPEG with its own quantisation tables,
`quality="keep"`; AVIF/HEIF/WebP at high quality; animations keep their frames); orientation and colour profile
stay. The result is checked again: when location data is still there (a format or file we cannot rewrite, a
HEIF without pillow-heif), the upload is refused with a message in the editor's language (`LocationSafeImageForm`)
and never stored (the pre_save receiver raises). tests/security/test_uploads.py proves it per format.

The form also answers a file it cannot read with a message instead of a 500 (a photo whose download was cut
off, a PNG whose text chunk inflates beyond Pillow's limit: Wagtail's own checks raise Pillow's error), and
refuses animations of more than `MAX_FRAMES` frames: each frame is decoded and written again, and 100,000 tiny
frames took longer than a request may. The rewrite happens once, in the form; the stored file is that result,
and the pre_save receiver (for images saved without the form) leaves it alone.
"""

from __future__ import annotations

import hashlib
import io
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

logger = logging.getLogger("los.security")

GPS_IFD = 0x8825
REWRITABLE = {"JPEG", "PNG", "WEBP", "TIFF", "AVIF", "HEIF", "GIF"}
ANIMATED = {"GIF", "WEBP", "AVIF"}
MAX_FRAMES = 1000
# XMP packets Pillow does not expose (inside a GIF application extension, after an unusual marker) are found by
# their text; both markers are long enough never to occur by chance in compressed pixel data.
XMP_MARKERS = (b"<x:xmpmeta", b"http://ns.adobe.com/exif/1.0/")

try:  # HEIF/HEIC (iPhone photos); pillow-heif also gives Willow its HEIF support
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - declared in pyproject.toml; without it HEIF uploads are refused
    pass


class LocationNotRemovable(Exception):
    """The image carries location data that could not be removed: it must not be stored."""


class TooManyFrames(LocationNotRemovable):
    """An animation too long to rewrite within a request."""


def _has_location(image: PILImage.Image, data: bytes) -> bool:
    if GPS_IFD in image.getexif():
        return True
    if image.info.get("xmp") or image.info.get("XML:com.adobe.xmp"):
        return True
    if image.format == "GIF":
        extension = image.info.get("extension") or (b"",)
        if image.info.get("comment") or extension[0] not in (b"", b"NETSCAPE2.0", b"ANIMEXTS1.0"):
            return True  # an application extension or comment other than the animation loop count
    return any(marker in data for marker in XMP_MARKERS)


def _rewrite(image: PILImage.Image) -> bytes:
    fmt = image.format
    exif = image.getexif()
    exif.pop(GPS_IFD, None)
    options: dict = {"xmp": b""}
    if fmt == "GIF":
        options["comment"] = b""  # Pillow would copy the original's comment into every frame
    else:
        options["exif"] = exif.tobytes()
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if fmt == "JPEG":
        options.update(quality="keep", subsampling="keep")
    elif fmt in ("WEBP", "AVIF", "HEIF"):
        options.update(quality=95)
        if fmt == "WEBP":
            options["lossless"] = bool(image.info.get("lossless"))
    if fmt in ANIMATED and getattr(image, "n_frames", 1) > 1:
        options.update(save_all=True, duration=image.info.get("duration"), loop=image.info.get("loop", 0))
    out = io.BytesIO()
    image.save(out, fmt, **{key: value for key, value in options.items() if value is not None})
    return out.getvalue()


def frame_count(image: PILImage.Image) -> int:
    return getattr(image, "n_frames", 1)  # a GIF: Pillow walks the frames' headers without decoding them


def without_location(data: bytes) -> bytes | None:
    """The image bytes without GPS, XMP and GIF extensions; None when there is nothing to remove (or the bytes are
    not an image at all, which Wagtail's own checks refuse). Raises LocationNotRemovable."""
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            if not _has_location(image, data):
                return None
            if image.format not in REWRITABLE:
                raise LocationNotRemovable(image.format)
            if frame_count(image) > MAX_FRAMES:
                raise TooManyFrames(image.format)
            cleaned = _rewrite(image)
    except UnidentifiedImageError:
        if any(marker in data for marker in XMP_MARKERS):
            raise LocationNotRemovable("unreadable") from None  # e.g. HEIF without pillow-heif
        return None
    except (OSError, ValueError, TypeError, KeyError) as error:
        logger.warning("An uploaded image could not be rewritten without location data (%s)", type(error).__name__)
        raise LocationNotRemovable(type(error).__name__) from error
    with PILImage.open(io.BytesIO(cleaned)) as check:
        if _has_location(check, cleaned):
            raise LocationNotRemovable(check.format)
    return cleaned


REFUSED = _(
    "Deze afbeelding bevat locatiegegevens (GPS) die we er niet uit kunnen halen. Sla de foto op als JPG of PNG "
    "zonder locatie (of maak een schermafbeelding) en upload die."
)
DAMAGED = _(
    "Dit bestand is beschadigd of onvolledig, misschien doordat het downloaden of kopiëren werd afgebroken. Open "
    "het in een fotoprogramma en sla het opnieuw op (of maak een schermafbeelding), en upload dat bestand."
)
TOO_MANY_FRAMES = _(
    "Deze animatie bestaat uit %(count)s beelden; er kunnen er hoogstens %(max)s in. Maak de animatie korter, of "
    "plaats een video."
)


def _readable(to_python):
    """Wagtail's image field reads the upload with Willow/Pillow and lets their errors through (a 500)."""

    def checked(data):
        try:
            return to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - whatever Pillow raises on a file it cannot read
            logger.info("An uploaded image could not be read (%s)", type(error).__name__)
            raise ValidationError(DAMAGED, code="damaged") from None

    return checked


class LocationSafeImageForm:
    """Mixin for Wagtail's image form: refuse, with a clear message, an image that cannot be read, an animation
    of too many frames, or an image whose location cannot be removed; a new upload is stored as rewritten here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = _readable(self.fields["file"].to_python)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not (file and hasattr(file, "read") and not getattr(file, "_committed", False)):
            return file
        file.seek(0)
        data = file.read()
        file.seek(0)
        _refuse_long_animation(data)
        try:
            cleaned = without_location(data)
        except LocationNotRemovable:
            raise ValidationError(REFUSED, code="location") from None
        if cleaned is None:
            file.los_location_free = True
            return file
        rewritten = ContentFile(cleaned, name=file.name)
        rewritten.los_location_free = True  # strip_location_on_upload: already done
        for annotation in ("image", "content_type"):  # what Wagtail's image field attached to the upload
            if hasattr(file, annotation):
                setattr(rewritten, annotation, getattr(file, annotation))
        return rewritten


def _refuse_long_animation(data: bytes) -> None:
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            frames = frame_count(image)
    except Exception:  # noqa: BLE001 - Wagtail's field has read it already; anything else is for without_location
        return
    if frames > MAX_FRAMES:
        raise ValidationError(TOO_MANY_FRAMES % {"count": frames, "max": MAX_FRAMES}, code="frames")


def strip_location_on_upload(sender, instance, **kwargs) -> None:
    """pre_save receiver for the image model: rewrite a new, not yet stored upload without location data
    (raises LocationNotRemovable rather than store it with location)."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return
    if getattr(getattr(field_file, "file", None), "los_location_free", False):
        return  # LocationSafeImageForm rewrote it (or found nothing to remove)
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
