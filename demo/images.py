"""Demo images drawn locally (no stock photos from other hosts): a coloured card with white text, or a badge."""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def draw_card(size: tuple[int, int], background: str, text: str) -> bytes:
    """A PNG filled with `background`, `text` in white from a third of the way down."""
    from PIL import Image, ImageDraw

    width, height = size
    canvas = Image.new("RGB", size, background)
    ImageDraw.Draw(canvas).multiline_text(
        (width // 12, height // 3), text, fill="white", font=_font(height // 12), spacing=height // 30
    )
    return _png(canvas)


def draw_badge(size: tuple[int, int], colour: str, text: str) -> bytes:
    """A PNG logo: a disc of `colour` on white with `text` in white in the middle."""
    from PIL import Image, ImageDraw

    width, height = size
    canvas = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(canvas)
    inset = height // 32
    draw.ellipse((inset, inset, width - inset, height - inset), fill=colour)
    draw.text((width // 2, height // 2), text, fill="white", font=_font(height * 15 // 32), anchor="mm")
    return _png(canvas)


def _png(canvas) -> bytes:
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def file_name(title: str) -> str:
    """The file name of a generated image: its title in lower case, every other character a hyphen."""
    return "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-") + ".png"


def generated_image(
    title: str,
    *,
    background: str,
    text: str,
    size: tuple[int, int] = (1200, 675),
    collection: str = "LOS",
    style: str = "card",
    name: str = "",
):
    """The Wagtail image with this title; drawn and saved into `collection` when there is none yet.

    The collections come from editors/roles.py ("LOS", "iLegalevrouw"; "Root" is Wagtail's own), so the groups that
    work with that collection can use the image.
    """
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    draw = draw_badge if style == "badge" else draw_card
    image = Image(title=title)
    target = Collection.objects.filter(name=collection).order_by("depth").first()
    if target is not None:
        image.collection = target
    image.file = ImageFile(io.BytesIO(draw(tuple(size), background, text)), name=name or file_name(title))
    image.save()
    return image
