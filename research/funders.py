"""Which funders to show where: the footer strip and the funders overview, each in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from research.models import Funder, FunderSettings, PublicationPage
from research.models.funders import logo_rendition_specs


def _with_logos(funders: QuerySet[Funder]) -> QuerySet[Funder]:
    images = get_image_model().objects.prefetch_renditions(*logo_rendition_specs())
    return funders.prefetch_related(Prefetch("logo", queryset=images))


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
        f.translation_key: f for f in _with_logos(Funder.objects.filter(translation_key__in=keys, locale=locale))
    }
    return [translated.get(funder.translation_key, funder) for funder in funders]


def footer_funders(request: HttpRequest) -> list[Funder]:
    """The funders the footer thanks: the site's chosen list in its order (or all, by name), active today only."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    today = timezone.localdate()
    setting = FunderSettings.for_site(site)
    chosen_ids = list(setting.footer_funders.order_by("sort_order").values_list("funder_id", flat=True))
    if chosen_ids:
        by_id = {f.pk: f for f in _with_logos(Funder.objects.filter(pk__in=chosen_ids).active(today))}
        funders = [by_id[pk] for pk in chosen_ids if pk in by_id]
    else:
        default = Locale.get_default()
        funders = list(_with_logos(Funder.objects.filter(locale=default).active(today).order_by("name")))
    # Deduplicate (the same funder chosen twice, or two language versions of one funder).
    seen: set = set()
    unique = []
    for funder in funders:
        if funder.translation_key not in seen:
            seen.add(funder.translation_key)
            unique.append(funder)
    return localize_funders(unique, _active_locale())


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
        _with_logos(Funder.objects.filter(locale=default))
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
    return {"current_funders": current, "past_funders": past if getattr(page, "show_past_funders", True) else []}
