"""Preview modes for the pages visitors share: the page, its social card and its search result snippet.

One mixin for every shareable page type. A page type may refine what is shown by overriding
`share_preview_context` (news items use their generated share image, see news/sharing.py).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

SEARCH_TITLE_LENGTH = 60  # about what search engines show of a title
SEARCH_DESCRIPTION_LENGTH = 160


class SharePreviewMixin:
    """Adds the preview modes "Deelkaart (sociale media)" and "Zoekresultaat" to a page type."""

    preview_modes = [
        ("", _("Pagina")),
        ("social", _("Deelkaart (sociale media)")),
        ("search", _("Zoekresultaat")),
    ]

    def share_description(self) -> str:
        return self.search_description or strip_tags(str(getattr(self, "intro", "") or ""))

    def share_preview_context(self, request: HttpRequest) -> dict[str, Any]:
        image = None
        for name in ("listing_image", "hero_image", "cover_image", "image"):
            candidate = getattr(self, name, None)
            if candidate is not None and hasattr(candidate, "get_rendition"):
                image = candidate
                break
        image_src = ""
        if image is not None:
            try:
                image_src = image.get_rendition("fill-1200x630|format-jpeg").url
            except Exception:  # noqa: BLE001 - a missing file must not break the preview
                image_src = ""
        url = self.full_url or request.build_absolute_uri("/")
        return {
            "page": self,
            "title": self.seo_title or self.title,
            "description": self.share_description(),
            "image_src": image_src,
            "host": request.get_host(),
            "url": url,
            "title_limit": SEARCH_TITLE_LENGTH,
            "description_limit": SEARCH_DESCRIPTION_LENGTH,
        }

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        if mode_name in ("social", "search"):
            context = self.share_preview_context(request)
            return TemplateResponse(request, f"home/previews/{mode_name}.html", context)
        return super().serve_preview(request, mode_name)
