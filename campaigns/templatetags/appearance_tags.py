"""Per-site appearance in the base template: palette class, logo and the quick exit button."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.http import HttpRequest
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.text import slugify
from wagtail.models import Site

from campaigns.models import SiteAppearance
from campaigns.models.appearance import DEFAULT_QUICK_EXIT_URL
from home.models import OrganisationSettings

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


@lru_cache(maxsize=32)
def _wordmark_template(site_name: str) -> str | None:
    """The site's own SVG wordmark, `components/wordmarks/<slug of the site name>.html`, if there is one."""
    name = f"components/wordmarks/{slugify(site_name)}.html"
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return name


@register.inclusion_tag("campaigns/components/site_logo.html", takes_context=True)
def site_logo(context) -> dict:
    """An uploaded logo (Settings › Uiterlijk) wins; otherwise the site's SVG wordmark; otherwise its name."""
    settings = appearance(context)
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    organisation = OrganisationSettings.for_request(request) if site is not None else None
    name = (organisation and organisation.name) or (site and site.site_name) or "Stichting LOS"
    return {
        "logo": settings.logo if settings and settings.logo_id else None,
        "wordmark": _wordmark_template(site.site_name) if site and site.site_name else None,
        "name": name,
    }


# A page of a site without the quick exit, reached from a site with it (the microsite's links to LOS news carry
# this parameter), shows the button too: a visitor in danger must not lose it by following a link.
CARRY_QUICK_EXIT = "qe"


@register.inclusion_tag("campaigns/components/quick_exit.html", takes_context=True)
def quick_exit(context) -> dict:
    settings = appearance(context)
    request: HttpRequest | None = context.get("request")
    if settings is not None and settings.quick_exit_enabled:
        url = settings.quick_exit_url
    elif request is not None and request.GET.get(CARRY_QUICK_EXIT) == "1":
        url = DEFAULT_QUICK_EXIT_URL
    else:
        return {"enabled": False}
    safe_page = settings.safe_browsing_page if settings is not None and settings.quick_exit_enabled else None
    if safe_page is not None:
        safe_page = safe_page.localized
    return {
        "enabled": True,
        "url": url,
        "safe_url": safe_page.get_url(request=request) if safe_page is not None and safe_page.live else "",
        "carry": CARRY_QUICK_EXIT if not (settings and settings.quick_exit_enabled) else "",
    }
