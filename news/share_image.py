"""Generated share images: the title on the brand background, 1200x630 (the Open Graph size).

Drawn locally with Pillow in DejaVu Sans (Debian's fonts-dejavu-core) and cached as a file in the media
storage under a name made of the page id and a hash of what is drawn, so a new title gives a new file
(and a new address, so social platforms fetch the new card) and an unchanged title is never drawn twice.
"""

from __future__ import annotations

import hashlib
import io
import textwrap

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 1200, 630
BRAND = "#0b4f6c"
BRAND_DARK = "#073446"
ACCENT = "#ffbf47"
FOLDER = "news/share"
FONT_BOLD = "DejaVuSans-Bold.ttf"
FONT_REGULAR = "DejaVuSans.ttf"
_VERSION = "2"  # bump when the design changes, so cached cards are redrawn


def _card_text(page) -> tuple[str, str]:
    date = page.display_date
    parts = (_("Stichting LOS"), page.kind_label, date and date.strftime("%d-%m-%Y"))
    footer = " · ".join(part for part in parts if part)
    return page.title, footer


def share_image_digest(page) -> str:
    title, footer = _card_text(page)
    return hashlib.sha256(f"{_VERSION}\n{title}\n{footer}".encode()).hexdigest()[:16]


def share_image_name(page) -> str:
    return f"{FOLDER}/{page.pk}-{share_image_digest(page)}.png"


def _font(name: str, size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _wrap(draw, text: str, font, max_width: int, max_lines: int) -> list[str] | None:
    """Lines of `text` that fit `max_width`, or None when it needs more than `max_lines` lines."""
    average = max(font.getlength("abcdefghijklmnopqrstuvwxyz") / 26, 1)
    width_chars = max(int(max_width / average), 8)
    while width_chars > 8:
        lines = textwrap.wrap(text, width=width_chars, break_long_words=True)
        if all(draw.textlength(line, font=font) <= max_width for line in lines):
            return lines if len(lines) <= max_lines else None
        width_chars -= 2
    return None


def render_share_image(page) -> bytes:
    """The PNG bytes of the share card of `page`."""
    from PIL import Image, ImageDraw

    title, footer = _card_text(page)
    canvas = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    draw = ImageDraw.Draw(canvas)
    margin = 80
    draw.rectangle((0, HEIGHT - 110, WIDTH, HEIGHT), fill=BRAND_DARK)
    draw.rectangle((margin, 70, margin + 120, 80), fill=ACCENT)
    title_top, title_bottom = 120, HEIGHT - 140
    for size in (68, 60, 52, 46, 40, 34):
        font = _font(FONT_BOLD, size)
        max_lines = int((title_bottom - title_top) // (size * 1.3))
        lines = _wrap(draw, title, font, WIDTH - 2 * margin, max_lines=max_lines)
        if lines:
            break
    else:
        font = _font(FONT_BOLD, 34)
        lines = textwrap.wrap(title, width=48)[:7]
        lines[-1] = lines[-1][:45] + "…"
    draw.multiline_text((margin, title_top), "\n".join(lines), font=font, fill="white", spacing=int(font.size * 0.3))
    draw.text((margin, HEIGHT - 75), footer, font=_font(FONT_REGULAR, 30), fill="white")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_share_image(page) -> str:
    """The storage name of the share image of `page`, drawing and saving it only when it is missing."""
    name = share_image_name(page)
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(render_share_image(page)))
        if saved != name:  # another request drew it at the same moment; keep one file
            default_storage.delete(saved)
    return name


def share_image_response(page, version: str = "") -> HttpResponse:
    """The card; `immutable` only at the versioned address (`?v=<digest of what is drawn>`, news/sharing.py):
    the bare or an old address answers with today's card and a short lifetime, so a corrected title is not
    stuck in browsers and caches for a year."""
    name = ensure_share_image(page)
    response = FileResponse(default_storage.open(name, "rb"), content_type="image/png")
    if version == share_image_digest(page):
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = f"public, max-age={settings.PUBLIC_CACHE_MAX_AGE}"
    return response
