"""Which funders to show where: the footer strip and the funders overview, each in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from research.models import FooterFunder, Funder, PublicationPage
from research.models.funders import logo_rendition_specs


def prefetch_logo_renditions(funders: list[Funder]) -> None:
    """One query for the renditions of every logo (the logos themselves came with select_related)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=logo_rendition_specs())
    prefetch_related_objects(
        [funder.logo for funder in funders],
        Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )


def _active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def localize_funders(funders: list[Funder], locale: Locale | None) -> list[Funder]:
    """Each funder in `locale` where a translation exists (one query for all), keeping the order."""
    if not funders or locale is None:
        return funders
    keys = [funder.translation_key for funder in funders if funder.locale_id != locale.pk]
    if not keys:
        return funders
    translated = {
        f.translation_key: f
        for f in Funder.objects.filter(translation_key__in=keys, locale=locale).select_related("logo")
    }
    return [translated.get(funder.translation_key, funder) for funder in funders]


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
    funders = [row.funder for row in chosen]
    # Only running support, and each funder once (chosen twice, or in two languages).
    seen: set = set()
    unique = []
    for funder in funders:
        if funder.is_active(today) and funder.translation_key not in seen:
            seen.add(funder.translation_key)
            unique.append(funder)
    unique = localize_funders(unique, _active_locale())
    prefetch_logo_renditions(unique)
    return unique


def funder_overview(page: Page, request: HttpRequest) -> dict:
    """Current and past funders in the page's language, each with the live publications it made possible."""
    today = timezone.localdate()
    default = Locale.get_default()
    publications = (
        PublicationPage.objects.live()
        .public()
        .filter(locale_id=default.pk)
        .defer_streamfields()
        .order_by("-publication_date")
    )
    funders = list(
        Funder.objects.filter(locale=default)
        .select_related("logo")
        .prefetch_related(Prefetch("publications", queryset=publications, to_attr="funded_publications"))
        .order_by("name")
    )
    # Publications in the visitor's language where they are translated (one query for all).
    keys = {p.translation_key for funder in funders for p in funder.funded_publications}
    translated = {}
    if keys and page.locale_id != default.pk:
        translated = {
            p.translation_key: p
            for p in PublicationPage.objects.live()
            .public()
            .filter(translation_key__in=keys, locale_id=page.locale_id)
            .defer_streamfields()
        }
    localized = {f.translation_key: f for f in localize_funders(funders, page.locale)}
    current, past = [], []
    for funder in funders:
        shown = localized.get(funder.translation_key, funder)
        shown.funded = [translated.get(p.translation_key, p) for p in funder.funded_publications]
        (current if funder.is_active(today) else past).append(shown)
    prefetch_logo_renditions(current + past)
    return {"current_funders": current, "past_funders": past if getattr(page, "show_past_funders", True) else []}
