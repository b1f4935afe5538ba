"""Helpers that every app's demo module uses to build idempotent demo content."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.core.files.images import ImageFile
from django.core.management.base import OutputWrapper
from django.core.management.color import Style
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

MAIN_SITE_NAME = "Stichting LOS"
MICROSITE_HOSTNAME = "ilegalevrouw.localhost"


@dataclass
class DemoContext:
    """What a demo module gets: the command's options, output, and a tally of what was created."""

    options: dict[str, Any]
    stdout: OutputWrapper
    style: Style
    created: int = 0
    notes: list[str] = field(default_factory=list)

    def log(self, message: str) -> None:
        if self.options.get("verbosity", 1) >= 1:
            self.stdout.write(message)

    def ensure_child(self, parent: Page, model: type[Page], slug: str, **fields: Any) -> Page:
        """The live child of `parent` with this slug; created and published from `fields` if missing.

        An existing page is returned untouched, so editors' changes to demo content survive a re-run.
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page


def main_site() -> Site:
    """The default site (the LOS website)."""
    return Site.objects.get(is_default_site=True)


def default_locale() -> Locale:
    return Locale.get_default()


def ensure_locale(language_code: str) -> Locale:
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


def ensure_site_texts(site: Site, translations: dict[str, dict[str, str]], **dutch: str) -> None:
    """Give `site` its header and footer texts in Dutch (`dutch`: tagline, footer_text, phone_hours) and
    translate them through wagtail-localize into each language of `translations` (source text -> translation),
    as editors would with "Vertalen". Existing texts are left as they are."""
    from home.models import SiteTexts
    from multilingual.translation import translate

    source, created = SiteTexts.objects.get_or_create(site=site, locale=default_locale(), defaults=dutch)
    if not created:
        return
    for language_code, strings in translations.items():
        translate(source, language_code, strings)


def generated_image(
    title: str, *, background: str, text: str, size: tuple[int, int] = (1200, 675), collection: str = "LOS"
):
    """A Wagtail image drawn locally (no stock photos from other hosts), reused by title.

    New images go into the site's collection (editors/roles.py makes "LOS" and "iLegalevrouw"), so the groups that
    work with that collection can use them.
    """
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", size[1] // 12)
    except OSError:
        font = ImageFont.load_default(size=size[1] // 12)
    draw.multiline_text((size[0] // 12, size[1] // 3), text, fill="white", font=font, spacing=size[1] // 30)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    image = Image(title=title)
    target = Collection.objects.filter(name=collection, depth=2).first()
    if target is not None:
        image.collection = target
    image.file = ImageFile(buffer, name=f"{slug}.png")
    image.save()
    return image
