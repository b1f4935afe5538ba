"""`{% share_links page %}`: the share links of a page (home/sharing.py) in templates/components/share_links.html."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context
from wagtail.models import Page

from home.sharing import share_links as build_share_links

register = template.Library()


@register.inclusion_tag("components/share_links.html", takes_context=True)
def share_links(context: Context, page: Page, heading: str = "") -> dict[str, Any]:
    """Share links for `page` under `heading` (default "Delen"); nothing when the page has no public address."""
    url = page.get_full_url(context.get("request")) or ""
    return {
        "share_links": build_share_links(url, page.title) if url else [],
        "share_url": url,
        "share_title": page.title,
        "heading": heading,
    }
