"""Image uploads the admin cannot read get a message, not a 500 (security/uploads.py `LocationSafeImageForm`): a photo
whose download was cut off, a PNG whose text inflates beyond Pillow's limit."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import PngImagePlugin
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

DAMAGED = "Dit bestand is beschadigd of onvolledig"


def truncated_jpeg() -> bytes:
    out = io.BytesIO()
    PILImage.effect_noise((400, 300), 60).convert("RGB").save(out, "JPEG", quality=90)
    data = out.getvalue()
    return data[: len(data) * 2 // 3]


def png_with_text_bomb() -> bytes:
    """A zTXt chunk that inflates past Pillow's MAX_TEXT_CHUNK (Pillow raises ValueError)."""
    out = io.BytesIO()
    PILImage.new("RGB", (1, 1)).save(out, "PNG")
    data = out.getvalue()
    payload = b"Comment\x00\x00" + zlib.compress(b"A" * 4 * PngImagePlugin.MAX_TEXT_CHUNK, 9)
    chunk = struct.pack(">I", len(payload)) + b"zTXt" + payload + struct.pack(">I", zlib.crc32(b"zTXt" + payload))
    idat = data.index(b"IDAT") - 4
    return data[:idat] + chunk + data[idat:]


def gif(frames: int, comment: bytes = b"") -> bytes:
    images = [PILImage.new("RGB", (8, 8), ((i * 37) % 256, (i * 11) % 256, 0)) for i in range(frames)]
    out = io.BytesIO()
    options = {"comment": comment} if comment else {}
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=20, loop=0, **options)
    return out.getvalue()


def upload(client, name: str, data: bytes, *, multiple: bool = False):
    if multiple:
        return client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile(name, data), "collection": 1},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    return client.post("/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, data), "collection": 1})


@pytest.mark.parametrize(("name", "make"), [("afgebroken.jpg", truncated_jpeg), ("tekst.png", png_with_text_bomb)])
@pytest.mark.parametrize("multiple", [False, True], ids=["add", "multiple"])
def test_an_image_that_cannot_be_read_gets_a_message(admin_client, name, make, multiple):
    before = get_image_model().objects.count()
    response = upload(admin_client, name, make(), multiple=multiple)
    assert response.status_code == 200
    if multiple:
        assert response.json()["success"] is False
        assert DAMAGED in response.json()["error_message"]
    else:
        assert DAMAGED in response.content.decode()
    assert get_image_model().objects.count() == before
