"""Which funders the site footer thanks: the 'made possible by' strip, in a fixed number of queries."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Site

from caching.fragments import active_locale
from research.models.funders import FooterFunder, Funder, localize_funders, prefetch_logo_renditions


def _active_locale_id() -> int | None:
    try:
        return active_locale().pk
    except Locale.DoesNotExist:
        return None


def footer_funders(request: HttpRequest) -> list[Funder]:
    """The funders the footer of this site thanks, in the order of its settings, active today only.

    Two queries on every page (chosen funders with their logos, then the logo renditions), whatever the number
    of funders, and a third on translated pages. A site whose list is empty (the microsite) shows no strip.
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    today = timezone.localdate()
    chosen = (
        FooterFunder.objects.filter(setting__site_id=site.pk)
        .select_related("funder__logo")
        .order_by("sort_order", "pk")
    )
    # Only running support, and each funder once (chosen twice, or in two languages).
    seen: set = set()
    unique = []
    for funder in (row.funder for row in chosen):
        if funder.is_active(today) and funder.translation_key not in seen:
            seen.add(funder.translation_key)
            unique.append(funder)
    unique = localize_funders(unique, _active_locale_id())
    prefetch_logo_renditions(unique)
    return unique
