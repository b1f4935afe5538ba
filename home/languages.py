"""Which languages a visitor is offered, and where this page lives in each of them.

Shared by the language switcher, the hreflang links, the sitemap and the language guard middleware, and
memoised on the request: a page costs one query for the site's languages and one for all its translations,
however many languages there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page, Site

from home.models import SiteLanguages


@dataclass(frozen=True)
class Alternate:
    """This page (or view) in one language."""

    code: str
    name: str
    url: str
    current: bool = False
    bidi: bool = False


def is_bidi(code: str) -> bool:
    """True for right-to-left languages (Django's list: Arabic, Persian, Hebrew, Urdu, ...)."""
    return code.split("-")[0] in settings.LANGUAGES_BIDI


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)


def enabled_languages(request: HttpRequest | None, site: Site | None = None) -> list[str]:
    """Language codes the site of this request offers, Dutch first (one query per request, then memoised)."""
    cached = getattr(request, "_los_site_languages", None) if request is not None else None
    if cached is not None:
        return cached
    if site is None and request is not None:
        site = Site.find_for_request(request)
    codes = SiteLanguages.for_site(site).codes if site is not None else [settings.LANGUAGE_CODE]
    if request is not None:
        request._los_site_languages = codes
    return codes


def live_translations(request: HttpRequest | None, page: Page) -> list[Page]:
    """Live, public translations of `page` (itself included) in the site's languages, in settings order.

    One query for all of them; the result is memoised per page on the request so the switcher and the hreflang
    links share it.
    """
    memo = getattr(request, "_los_translations", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    codes = enabled_languages(request)
    pages = list(
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale__language_code__in=codes)
        .select_related("locale")
    )
    order = {code: index for index, code in enumerate(codes)}
    pages.sort(key=lambda p: order[p.locale.language_code])
    if request is not None:
        if memo is None:
            memo = request._los_translations = {}
        memo[page.pk] = pages
    return pages


def page_alternates(request: HttpRequest, page: Page, current: str) -> list[Alternate]:
    """This page in every language it is live in on this site, with absolute-path URLs."""
    alternates = []
    for other in live_translations(request, page):
        url = other.get_url(request=request)
        if not url:
            continue
        code = other.locale.language_code
        alternates.append(Alternate(code, language_name(code), url, code == current, is_bidi(code)))
    return alternates
