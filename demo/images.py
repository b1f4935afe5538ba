"""Demo images drawn locally (no stock photos from other hosts), in the site's own typeface.

What is drawn depends on the shape the YAML asks for (`size`), so the data files stay as they are:
- landscape (heroes, news and campaign images): generated artwork, never words baked into a "photo": people
  under a roof over soft circles in tints of the colour, different for every image (the text is its seed);
- 2:1 (funder and partner logos): the name as a wordmark in the colour on white, large enough to read in the
  footer (a logo is shown 80 px high);
- portrait (publication covers): artwork above the title in large type, like a printed report;
- `style: badge`: a disc of the colour with the text in the middle.
"""

from __future__ import annotations

import colorsys
import io
import random
from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

# Atkinson Hyperlegible Bold, the site's heading typeface (static/fonts); DejaVu where Pillow cannot read it.
BRAND_FONT = Path(__file__).resolve().parents[1] / "cms" / "static" / "fonts"
BRAND_FONT = BRAND_FONT / "atkinson-hyperlegible-latin-700-normal.woff2"
WARM = "#f2a65a"
CREAM = "#fbfaf7"


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(str(BRAND_FONT), size)
    except OSError:
        try:
            return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
        except OSError:
            return ImageFont.load_default(size=size)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _tint(colour: str, lightness: float) -> tuple[int, int, int]:
    """The colour with its lightness (HLS, 0-1) set to `lightness`."""
    red, green, blue = (value / 255 for value in _rgb(colour))
    hue, _light, saturation = colorsys.rgb_to_hls(red, green, blue)
    return tuple(round(value * 255) for value in colorsys.hls_to_rgb(hue, lightness, saturation))


def _artwork(draw, box: tuple[int, int, int, int], colour: str, seed: str) -> None:
    """People under a roof over soft circles, in tints of `colour`, inside `box` (left, top, right, bottom)."""
    rng = random.Random(seed)  # noqa: S311 - a repeatable picture, not a secret
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    draw.rectangle(box, fill=_tint(colour, 0.3))
    for _ in range(rng.randint(4, 6)):
        radius = rng.uniform(0.25, 0.6) * height
        x, y = left + rng.uniform(0, width), top + rng.uniform(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_tint(colour, rng.uniform(0.22, 0.45)))
    people = rng.randint(3, 5)
    unit = min(width / (people + 2), height / 3.2)
    ground = bottom - height * 0.08
    start = left + (width - people * unit * 1.1) / 2
    tones = [_tint(colour, 0.85), CREAM, WARM, _tint(colour, 0.7)]
    for index in range(people):
        centre = start + unit * 1.1 * (index + 0.5)
        scale = rng.uniform(0.8, 1.05)
        head = unit * 0.22 * scale
        body_top = ground - unit * 1.15 * scale
        tone = tones[(index + rng.randint(0, 3)) % len(tones)]
        draw.pieslice(
            (centre - unit * 0.45 * scale, body_top, centre + unit * 0.45 * scale, ground + unit * 0.9 * scale),
            180,
            360,
            fill=tone,
        )
        draw.ellipse((centre - head, body_top - head * 2.4, centre + head, body_top - head * 0.4), fill=tone)
    roof_y = ground - unit * 2.3
    span = people * unit * 0.75
    middle = left + width / 2
    draw.line(
        [(middle - span, roof_y + unit * 0.8), (middle, roof_y - unit * 0.2), (middle + span, roof_y + unit * 0.8)],
        fill=WARM,
        width=max(4, int(unit * 0.16)),
        joint="curve",
    )


def _fit(draw, lines: list[str], max_width: int, max_size: int):
    """The largest brand font (at most `max_size` px) in which every line fits `max_width`."""
    size = max_size
    while size > 10:
        font = _font(size)
        if all(draw.textlength(line, font=font) <= max_width for line in lines):
            return font
        size -= 2
    return _font(size)


def draw_art(size: tuple[int, int], background: str, text: str) -> bytes:
    """Generated artwork in tints of `background`; `text` only makes each picture different."""
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", size, background)
    _artwork(ImageDraw.Draw(canvas), (0, 0, *size), background, text)
    return _png(canvas)


def draw_logo(size: tuple[int, int], colour: str, text: str) -> bytes:
    """A wordmark: a bar of `colour` and the name (one line per line of `text`) in `colour` on white, as large
    as fits, so that it stays readable when the logo is shown small."""
    from PIL import Image, ImageDraw

    width, height = size
    canvas = Image.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(canvas)
    pad = height * 0.08
    draw.rounded_rectangle((pad, pad, pad + height * 0.07, height - pad), radius=height * 0.035, fill=colour)
    lines = text.splitlines() or [text]
    text_left = pad * 2 + height * 0.07
    font = _fit(draw, lines, int(width - text_left - pad), int(height * 0.8 / len(lines)))
    draw.multiline_text(
        (text_left, height / 2), "\n".join(lines), fill=colour, font=font, anchor="lm", spacing=height * 0.03
    )
    return _png(canvas)


def draw_cover(size: tuple[int, int], colour: str, text: str) -> bytes:
    """A report cover: artwork on the upper part, the title in large type on the lower part."""
    from PIL import Image, ImageDraw

    width, height = size
    canvas = Image.new("RGB", size, CREAM)
    art = Image.new("RGB", (width, int(height * 0.55)), colour)
    _artwork(ImageDraw.Draw(art), (0, 0, *art.size), colour, text)
    canvas.paste(art)
    draw = ImageDraw.Draw(canvas)
    lines = text.splitlines() or [text]
    font = _fit(draw, lines, int(width * 0.84), int(width * 0.1))
    draw.multiline_text((width * 0.08, height * 0.62), "\n".join(lines), fill=colour, font=font, spacing=width * 0.02)
    draw.text((width * 0.08, height * 0.92), "Stichting LOS", fill=_tint(colour, 0.35), font=_font(width // 22))
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


def _drawing(style: str, size: tuple[int, int]):
    if style == "badge":
        return draw_badge
    width, height = size
    if width >= 2 * height:
        return draw_logo
    if height > width:
        return draw_cover
    return draw_art


def _png(canvas) -> bytes:
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")  # no optimize: ten times the encoding time; renditions re-encode anyway
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
    draw = _drawing(style, tuple(size))
    image = Image(title=title)
    target = Collection.objects.filter(name=collection).order_by("depth").first()
    if target is not None:
        image.collection = target
    image.file = ImageFile(io.BytesIO(draw(tuple(size), background, text)), name=name or file_name(title))
    image.save()
    return image
