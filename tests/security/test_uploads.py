"""Uploads: size and type limits, SVG refused, location data stripped, documents served with safe headers,
originals not listable."""

from __future__ import annotations

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_gps(size=(640, 480)) -> bytes:
    """A JPEG as a phone writes it: camera make, orientation and GPS coordinates (a street in Utrecht)."""
    image = PILImage.new("RGB", size, (200, 120, 40))
    exif = PILImage.Exif()
    exif[0x010F] = "TestPhone"  # Make
    exif[0x0112] = 1  # Orientation
    exif[GPS_IFD] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 12.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def gps_of(data: bytes):
    with PILImage.open(io.BytesIO(data)) as image:
        return image.getexif().get_ifd(GPS_IFD)


def test_fixture_really_has_gps():
    assert gps_of(jpeg_with_gps())[1] == "N"


def upload_image(admin_client, name: str, data: bytes, content_type="image/jpeg"):
    return admin_client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, data, content_type=content_type), "collection": 1},
    )


def test_uploaded_original_and_renditions_carry_no_location(admin_client):
    response = upload_image(admin_client, "opvanghuis.jpg", jpeg_with_gps())
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="opvanghuis.jpg")
    with image.open_file() as original:
        data = original.read()
    assert gps_of(data) == {}
    with PILImage.open(io.BytesIO(data)) as opened:
        assert opened.getexif()[0x010F] == "TestPhone"  # other metadata (orientation, make) kept
        assert opened.size == (640, 480)
    rendition = image.get_rendition("fill-300x200")
    with rendition.file.open() as file:
        assert gps_of(file.read()) == {}


def stored_with_gps(title="oud"):
    """An image stored before the upload rule existed: the original still has GPS."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save(f"original_images/{title}.jpg", ContentFile(jpeg_with_gps()))
    return get_image_model().objects.create(title=title, file=name, width=640, height=480)


def test_willow_copies_gps_into_renditions_so_originals_must_be_clean(db):
    """Why the upload rule exists: Wagtail's renditions keep the original's EXIF, GPS included."""
    image = stored_with_gps()
    with image.get_rendition("fill-300x200").file.open() as file:
        assert gps_of(file.read())


def test_strip_image_locations_cleans_old_originals_and_their_renditions(db):
    from django.core.management import call_command

    image = stored_with_gps()
    image.get_rendition("fill-300x200")
    call_command("strip_image_locations", verbosity=0)
    image.refresh_from_db()
    with image.open_file() as original:
        assert gps_of(original.read()) == {}
    for spec in ("fill-300x200", "width-400", "max-200x200|format-webp", "original"):
        rendition = image.get_rendition(spec)
        with rendition.file.open() as file:
            assert gps_of(file.read()) == {}, spec


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def test_svg_images_are_refused(admin_client):
    response = upload_image(admin_client, "logo.svg", SVG, content_type="image/svg+xml")
    assert response.status_code == 200  # the form again, with an error
    assert not get_image_model().objects.filter(title="logo.svg").exists()


def test_image_that_is_really_html_is_refused(admin_client):
    response = upload_image(admin_client, "foto.jpg", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="foto.jpg").exists()


def test_images_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    response = upload_image(admin_client, "groot.jpg", jpeg_with_gps((2000, 2000)))
    assert response.status_code == 200
    assert "groot" in response.content.decode().lower() or "size" in response.content.decode().lower()
    assert not get_image_model().objects.filter(title="groot.jpg").exists()


def upload_document(admin_client, name: str, data: bytes, content_type="application/octet-stream"):
    return admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, data, content_type=content_type), "collection": 1},
    )


@pytest.mark.parametrize("name", ["pagina.html", "tekening.svg", "script.js", "programma.exe", "pagina.htm"])
def test_dangerous_document_types_are_refused(admin_client, name):
    response = upload_document(admin_client, name, b"<script>alert(1)</script>")
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title=name).exists()


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    response = upload_document(admin_client, "groot.pdf", b"%PDF-1.4\n" + b"0" * 5000)
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="groot.pdf").exists()


def test_documents_are_served_through_django_with_safe_headers(client, admin_client):
    assert upload_document(admin_client, "verslag.csv", b"naam,plaats\nA,Utrecht\n", "text/csv").status_code == 302
    document = get_document_model().objects.get(title="verslag.csv")
    response = client.get(document.url)
    assert response.status_code == 200
    assert document.url.startswith("/documents/")  # never a direct /media/ link
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_pdf_shown_inline_is_sandboxed(client, admin_client):
    upload_document(admin_client, "rapport.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    document = get_document_model().objects.get(title="rapport.pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_folder_is_not_served_or_listed_by_django(client):
    """Production serves no /media/ from Django (DEBUG off): the proxy serves renditions only (README)."""
    for path in ("/media/", "/media/original_images/", "/media/documents/", "/media/images/"):
        assert client.get(path).status_code == 404, path


@pytest.fixture
def media_served_as_in_production(settings):
    """The URLs with /media/ served, as the e2e server does it in place of production's proxy."""
    import importlib

    import cms.urls

    settings.LOS_SERVE_MEDIA = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.LOS_SERVE_MEDIA = False
    importlib.reload(cms.urls)
    clear_url_caches()


def test_only_images_are_served_from_media(client, admin_client, media_served_as_in_production):
    """A document's file under /media/documents/ skipped the serve view, which checks private collections and
    restricted pages: whoever guessed its name had it. Renditions and originals stay public (pages, the API)."""
    upload_document(admin_client, "intern-verslag.csv", b"naam,plaats\nA,Utrecht\n", "text/csv")
    document = get_document_model().objects.get(title="intern-verslag.csv")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 200
    image = get_image_model().objects.exclude(file="").first()
    rendition = image.get_rendition("max-100x100")
    assert client.get(rendition.url).status_code == 200
    assert client.get(image.file.url).status_code == 200


# Issue 17: AVIF kept GPS in the original (public through the API's download_url) and its JPEG renditions; GIF and
# HEIF were not handled. Every accepted format is re-encoded without location data, or refused.

XMP_WITH_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,5.5N"/></rdf:RDF></x:xmpmeta>'
)


def photo_with_gps(fmt: str, frames: int = 1) -> bytes:
    images = [PILImage.new("RGB", (96, 64), (200, 60 + 60 * i, 40)) for i in range(frames)]
    exif = PILImage.Exif()
    exif[0x010F] = "TestPhone"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 12.0)}
    out = io.BytesIO()
    images[0].save(out, fmt, exif=exif, xmp=XMP_WITH_GPS, save_all=frames > 1, append_images=images[1:])
    return out.getvalue()


def gif_with_xmp() -> bytes:
    """A GIF whose XMP packet (with GPS) sits in an application extension, as Photoshop writes it."""
    out = io.BytesIO()
    PILImage.new("RGB", (32, 32), (10, 120, 200)).save(out, "GIF")
    data = out.getvalue()
    palette = 3 * 2 ** ((data[10] & 7) + 1) if data[10] & 0x80 else 0
    extension = b"\x21\xff\x0bXMP DataXMP" + XMP_WITH_GPS + bytes([1, *range(255, -1, -1)]) + b"\x00"
    return data[: 13 + palette] + extension + data[13 + palette :]


def location_in(data: bytes) -> bool:
    with PILImage.open(io.BytesIO(data)) as image:
        return GPS_IFD in image.getexif() or bool(image.info.get("xmp")) or b"exif:GPS" in data


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("foto.avif", lambda: photo_with_gps("AVIF"), "image/avif"),
        ("animatie.webp", lambda: photo_with_gps("WEBP", frames=3), "image/webp"),
        ("foto.webp", lambda: photo_with_gps("WEBP"), "image/webp"),
        ("foto.png", lambda: photo_with_gps("PNG"), "image/png"),
        ("logo.gif", gif_with_xmp, "image/gif"),
    ],
)
def test_every_accepted_format_is_stored_without_location(admin_client, name, data, content_type):
    raw = data()
    assert location_in(raw)
    response = upload_image(admin_client, name, raw, content_type)
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title=name)
    with image.open_file() as original:
        stored = original.read()
    assert not location_in(stored)
    for spec in ("fill-80x40", "width-50|format-jpeg"):
        with image.get_rendition(spec).file.open() as file:
            assert not location_in(file.read()), spec


def test_animations_keep_their_frames(db):
    from security.uploads import without_location

    cleaned = without_location(photo_with_gps("AVIF", frames=3))
    with PILImage.open(io.BytesIO(cleaned)) as image:
        assert image.n_frames == 3 and GPS_IFD not in image.getexif()


def test_heif_photos_are_re_encoded_without_location():
    """iPhone photos (HEIF) are read with pillow-heif and re-encoded; Wagtail does not accept the .heic
    extension, but the same bytes under another name are cleaned before anything stores them."""
    from security.uploads import without_location

    cleaned = without_location(photo_with_gps("HEIF"))
    assert cleaned is not None and not location_in(cleaned)


def test_an_image_whose_location_cannot_be_removed_is_refused_and_not_stored(admin_client, monkeypatch):
    import security.uploads

    raw = photo_with_gps("AVIF")
    monkeypatch.setattr(security.uploads, "_rewrite", lambda image: raw)  # a rewrite that leaves GPS in
    image_count = get_image_model().objects.count()
    response = upload_image(admin_client, "vast.avif", raw, "image/avif")
    assert response.status_code == 200
    assert "locatiegegevens" in response.content.decode()
    assert get_image_model().objects.count() == image_count


# Issue 17: a PDF deflate bomb answered 500 on upload, after the document was stored.


def deflate_bomb_pdf(size: int = 80_000_000) -> bytes:
    """A valid one-page PDF whose font's ToUnicode map is a Flate stream of `size` bytes (about 100 KB here)."""
    bomb = zlib.compress(b" " * size, 9)
    content = b"BT /F1 12 Tf 72 720 Td (Hallo) Tj ET"
    resources = b"/Resources << /Font << /F1 5 0 R >> >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " + resources + b" >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_a_pdf_deflate_bomb_is_stored_whole_without_a_server_error(admin_client, django_capture_on_commit_callbacks):
    from search.models import DocumentText

    with django_capture_on_commit_callbacks(execute=True):
        response = upload_document(admin_client, "bom.pdf", deflate_bomb_pdf(), "application/pdf")
    assert response.status_code == 302
    document = get_document_model().objects.get(title="bom.pdf")
    assert DocumentText.objects.get(document_id=document.pk).text == ""  # stored, not searchable, no 500
