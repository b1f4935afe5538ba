"""Which funders the site footer thanks: the 'made possible by' strip, in a fixed number of queries."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Site

from caching.fragments import active_locale
from research.models.funders import Funder, localize_funders, prefetch_logo_renditions


def _active_locale_id() -> int | None:
    try:
        return active_locale().pk
    except Locale.DoesNotExist:
        return None


def footer_funders(request: HttpRequest) -> list[Funder]:
    """The funders ticked "Toon in de voettekst", in their footer order, active today only; on the main site.

    Two queries on every page (chosen funders with their logos, then the logo renditions), whatever the number
    of funders, and a third on translated pages. Other sites (the microsite) show no strip: they speak for a
    campaign, not for LOS and its funders.
    """
    site = Site.find_for_request(request)
    if site is None or not site.is_default_site:
        return []
    today = timezone.localdate()
    chosen = Funder.objects.active(today).filter(show_in_footer=True).select_related("logo")
    # Each funder once (a funder and its translations are one fund).
    seen: set = set()
    unique = []
    for funder in chosen.order_by("footer_order", "name", "pk"):
        if funder.translation_key not in seen:
            seen.add(funder.translation_key)
            unique.append(funder)
    unique = localize_funders(unique, _active_locale_id())
    prefetch_logo_renditions(unique)
    return unique
