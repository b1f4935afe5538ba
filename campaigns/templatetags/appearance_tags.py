"""Per-site appearance in the base template: palette class, logo and the quick exit button."""

from __future__ import annotations

from django import template
from django.http import HttpRequest

from campaigns.models import SiteAppearance

register = template.Library()


def appearance(context) -> SiteAppearance | None:
    """This site's SiteAppearance (cached on the request by wagtail.contrib.settings), or None outside a site."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return None
    try:
        return SiteAppearance.for_request(request)
    except Exception:  # noqa: BLE001 - no site matches this request (e.g. an error page): default look
        return None


@register.simple_tag(takes_context=True)
def palette_class(context) -> str:
    settings = appearance(context)
    return settings.palette_class if settings else ""


@register.inclusion_tag("campaigns/components/site_logo.html", takes_context=True)
def site_logo(context) -> dict:
    settings = appearance(context)
    return {"logo": settings.logo if settings and settings.logo_id else None}


@register.inclusion_tag("campaigns/components/quick_exit.html", takes_context=True)
def quick_exit(context) -> dict:
    settings = appearance(context)
    if settings is None or not settings.quick_exit_enabled:
        return {"enabled": False}
    return {"enabled": True, "url": settings.quick_exit_url}
