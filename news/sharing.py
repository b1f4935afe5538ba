"""Share metadata of news items: Open Graph and Twitter card data, the share image and JSON-LD.

The share links themselves are the same on every page that offers them: home/sharing.py.
"""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError

from news.share_image import HEIGHT, WIDTH, render_share_image, share_image_digest

logger = logging.getLogger("los.news")

# Characters escaped so that JSON can sit inside a <script> element (as Django's json_script does).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _listing_rendition(page):
    """The 1200x630 rendition of the item's own image, or None (no image, or its file is missing)."""
    if not (page.listing_image_id and page.listing_image):
        return None
    try:
        return page.listing_image.get_rendition("fill-1200x630|format-jpeg")
    except SourceImageIOError:
        logger.warning("News item %s: the file of its image is missing; sharing the generated card", page.pk)
        return None


def share_image(page, request: HttpRequest) -> dict[str, str | int]:
    """Absolute address, size and description of the image social platforms show for `page`."""
    rendition = _listing_rendition(page)
    if rendition is not None:
        return {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": page.listing_image_alt,
            "type": "image/jpeg",
        }
    url = page.get_full_url(request) + page.reverse_subpage("share_image") + f"?v={share_image_digest(page)}"
    return {"url": url, "width": WIDTH, "height": HEIGHT, "alt": page.title, "type": "image/png"}


def json_ld(data: dict) -> SafeString:
    """`data` as JSON that is safe inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308


def share_context(page, request: HttpRequest) -> dict:
    url = page.get_full_url(request)
    image = share_image(page, request)
    published = page.display_date
    modified = page.last_published_at or published
    organisation = {"@type": "Organization", "name": str(getattr(settings, "SITE_TITLE", "Stichting LOS"))}
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.intro,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "image": [image["url"]],
        "author": organisation,
        "publisher": organisation,
        "articleSection": page.kind_label,
    }
    if published:
        article["datePublished"] = published.isoformat()
    if modified:
        article["dateModified"] = modified.isoformat()
    if page.source_url:
        article["isBasedOn"] = page.source_url
    return {
        "canonical_url": url,
        "share_image": image,
        "og_locale": OG_LOCALES.get(get_language() or "nl", "nl_NL"),
        "json_ld": json_ld(article),
    }


def social_preview_context(page, request: HttpRequest) -> dict:
    """What the social-card preview in the admin shows: the card as platforms will draw it."""
    import base64

    rendition = _listing_rendition(page)
    if rendition is not None:
        image_src = rendition.url
    else:
        # The page may be unsaved, so the card is drawn now and inlined; the admin preview only.
        image_src = "data:image/png;base64," + base64.b64encode(render_share_image(page)).decode()
    host = request.get_host()
    return {"page": page, "image_src": image_src, "host": host, "description": page.intro}
