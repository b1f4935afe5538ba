"""Image uploads the admin cannot read get a message, not a 500 (security/uploads.py `LocationSafeImageForm`): a photo
whose download was cut off, a PNG whose text inflates beyond Pillow's limit. An animation has at most `MAX_FRAMES`
frames, and an upload is rewritten without location data once (it was twice, frame by frame: 100,000 tiny frames
took 46 seconds, past the server's time limit)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import PngImagePlugin
from wagtail.images import get_image_model

from security import uploads

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


@pytest.fixture
def rewrites(monkeypatch):
    """Every rewrite without location data, with the frames it wrote."""
    calls = []
    original = uploads._rewrite

    def counting(image):
        calls.append(getattr(image, "n_frames", 1))
        return original(image)

    monkeypatch.setattr(uploads, "_rewrite", counting)
    return calls


def test_an_animation_of_more_than_a_thousand_frames_is_refused_before_any_rewrite(admin_client, rewrites):
    before = get_image_model().objects.count()
    response = upload(admin_client, "lang.gif", gif(1001, comment=b"hallo"))
    assert response.status_code == 200
    assert "bestaat uit 1001 beelden; er kunnen er hoogstens 1000 in" in response.content.decode()
    assert rewrites == []
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize("multiple", [False, True], ids=["add", "multiple"])
def test_an_upload_is_rewritten_once(admin_client, rewrites, multiple):
    response = upload(admin_client, "kort.gif", gif(30, comment=b"hallo"), multiple=multiple)
    assert response.status_code in (200, 302)
    assert rewrites == [30]  # once, in the form; the pre_save receiver leaves the result alone
    image = get_image_model().objects.latest("pk")
    with image.open_file() as stored, PILImage.open(stored) as opened:
        assert opened.n_frames == 30
        assert not opened.info.get("comment")


def test_an_image_saved_without_the_form_is_still_rewritten(rewrites):
    from django.core.files.base import ContentFile

    image = get_image_model()(title="code", file=ContentFile(gif(3, comment=b"hallo"), name="code.gif"))
    image.save()
    assert rewrites == [3]
