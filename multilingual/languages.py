"""Which languages a visitor is offered, and where this page lives in each of them.

Shared by the language switcher, the hreflang links, the sitemap and the language guard middleware, and
memoised on the request: a page costs one query for the site's languages and one for all its translations,
however many languages there are, and both are cached with the fragments.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page, Site

from caching.fragments import cached_value
from home.models import SiteLanguages, default_site_languages


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
    """Language codes the site of this request offers, Dutch first (cached per site, memoised per request)."""
    cached = getattr(request, "_los_site_languages", None) if request is not None else None
    if cached is not None:
        return cached
    if site is None and request is not None:
        site = Site.find_for_request(request)
    if site is None:
        codes = [settings.LANGUAGE_CODE]
    else:
        # Cached per site like the menu (saving the setting makes it stale): no query on a prefixed address.
        row = cached_value(
            None,
            f"site-languages:{site.pk}",
            lambda: SiteLanguages.objects.filter(site_id=site.pk).values_list("languages", flat=True).first(),
        )
        codes = _codes_from(row)
    if request is not None:
        request._los_site_languages = codes
    return codes


def _codes_from(languages: list[str] | None) -> list[str]:
    return SiteLanguages(languages=languages if languages is not None else default_site_languages()).codes


def live_translations(request: HttpRequest | None, page: Page) -> list[Page]:
    """Live translations of `page` (itself included) in the site's languages, in settings order.

    One query for all of them, cached with the fragments (publishing, unpublishing, moving or deleting any page
    replaces their version, caching/fragments.py) and memoised per page on the request, so the switcher, hreflang
    and <html lang> share it: no query on most page views (the query and its page objects cost 3 ms of CPU on
    every news item). The site's languages come from their own cache entry. Private translations are listed too
    (their link leads to the login or password form, as any link would).
    """
    memo = getattr(request, "_los_translations", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    known = enabled_languages(request)
    pages = cached_value(
        None,
        f"translations:{page.translation_key}",
        lambda: list(Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")),
    )
    order = {code: index for index, code in enumerate(known)}
    pages = [p for p in pages if p.locale.language_code in order]
    pages.sort(key=lambda p: order[p.locale.language_code])
    if request is not None:
        if memo is None:
            memo = request._los_translations = {}
        memo[page.pk] = pages
    return pages


def page_language(request: HttpRequest | None, page: Page) -> str:
    """The language code of `page`, without a query when its translations are already known."""
    for other in live_translations(request, page) if page.live else []:
        if other.pk == page.pk:
            return other.locale.language_code
    return page.locale.language_code


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
