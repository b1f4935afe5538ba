"""Template tags for the parts every public page shares: menus, footer, breadcrumbs and the site's texts."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from caching.fragments import active_locale, cached_value, fragment_key, fragment_timeout
from home.models import NavigationSettings, SiteTexts

register = template.Library()


@dataclass(frozen=True)
class NavLink:
    """A resolved link, ready to render."""

    label: str
    url: str
    active: bool = False
    # The language of the label when it is not the page's (a Dutch-only page in the English menu), for `lang`.
    lang: str = ""


def _localized_pages(pages: list[Page]) -> dict[int, Page]:
    """Map page id -> the live translation of that page in the active language (or the page itself).

    One query for all links, instead of `page.localized` per link.
    """
    if not pages:
        return {}
    try:
        locale = active_locale()
    except Locale.DoesNotExist:
        return {page.pk: page for page in pages}
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=[p.translation_key for p in pages], locale=locale)
        .select_related("locale")
    }
    return {page.pk: translations.get(page.translation_key, page) for page in pages}


def _foreign_language(page: Page) -> str:
    """The page's language code when it differs from the active language (the locale is cached on the page)."""
    code = page.locale.language_code
    return "" if code == (translation.get_language() or settings.LANGUAGE_CODE) else code


def resolve_links(request: HttpRequest, items) -> list[NavLink]:
    """Turn LinkFields rows into NavLinks in the visitor's language, marking the one the visitor is in."""
    items = list(items)
    localized = _localized_pages([item.link_page for item in items if item.link_page_id])
    links = []
    for item in items:
        if item.link_page_id:
            page = localized[item.link_page_id]
            url = page.get_url(request=request)
            if not url or not page.live:
                continue
            # An editor's label is Dutch: in another language the translated page's own title is used.
            label = (item.label if page.pk == item.link_page_id else "") or page.title
            links.append(NavLink(label, url, _is_active(request, url), _foreign_language(page)))
        else:
            links.append(NavLink(item.label, item.link_url))
    return links


def _navigation(request: HttpRequest) -> NavigationSettings:
    return NavigationSettings.for_request(request)


def _is_active(request: HttpRequest, url: str) -> bool:
    return url != "/" and request.path.startswith(url) or request.path == url


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    """The main menu. Its links are cached per site and language (caching/fragments.py); which one is current is
    worked out per request, so one cached entry serves every page."""
    request = context["request"]

    def build() -> list[tuple[str, str, str]]:
        items = _navigation(request).main_menu_items.select_related("link_page__locale")
        return [(link.label, link.url, link.lang) for link in resolve_links(request, items)]

    links = [
        NavLink(label, url, _is_active(request, url), lang)
        for label, url, lang in cached_value(request, "main-menu-links", build)
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def site_texts(context) -> dict[str, str]:
    """The tagline, footer text and phone hours of this site in the visitor's language (Dutch when they have
    not been translated), cached per site and language like the menu."""
    request = context.get("request")
    if request is None:
        return {}

    def build() -> dict[str, str]:
        site = Site.find_for_request(request)
        texts = SiteTexts.for_site(site, translation.get_language()) if site else None
        if texts is None:
            return {}
        return {"tagline": texts.tagline, "footer_text": texts.footer_text, "phone_hours": texts.phone_hours}

    return cached_value(request, "site-texts", build)


@register.simple_tag(takes_context=True)
def shared_fragment(context) -> dict:
    """Key and lifetime for `{% cache %}` around a fragment every page shares (site, language, date, version)."""
    request = context.get("request")
    return {"key": fragment_key(request), "timeout": fragment_timeout()}


@register.inclusion_tag("navigation/footer_links.html", takes_context=True)
def footer_links(context) -> dict:
    request = context["request"]
    items = _navigation(request).footer_links.select_related("link_page__locale")
    return {"links": resolve_links(request, items)}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    """Ancestors of the current page below the site's root, as links; nothing on the home page."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {"crumbs": []}
    site = Site.find_for_request(request)
    if site is None or page.depth <= site.root_page.depth:
        return {"crumbs": []}

    def build() -> list[NavLink]:
        ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth).specific(defer=True)
        return [
            NavLink(_("Home") if a.depth == site.root_page.depth else a.title, a.get_url(request=request))
            for a in ancestors
        ]

    # The ancestors' titles and URLs change only when a page is published, moved or deleted, which replaces the
    # fragment version: cached per page, site and language (a query and 2.7 ms of CPU on every page view).
    crumbs = cached_value(request, f"breadcrumbs:{page.path}", build) if page.pk else build()
    return {"crumbs": crumbs, "current": page.title}


@register.simple_tag(takes_context=True)
def site_root_url(context) -> str:
    """The URL of the home page in the visitor's language."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    # The same for every page of this site and language: cached with the fragments (no locale or page query).
    return cached_value(request, "root-url", lambda: site.root_page.localized.get_url(request=request) or "/")
