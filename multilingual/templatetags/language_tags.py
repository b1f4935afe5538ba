"""Template tags for the language of a page: `<html lang dir>`, the language switcher and hreflang links."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page

from multilingual.languages import Alternate, enabled_languages, is_bidi, language_name, page_alternates, page_language

register = template.Library()


def _alternates(context) -> list[Alternate]:
    """The current page (or view) in each language the site offers and it exists in, memoised on the request."""
    if "switcher_alternates" in context:  # the missing-translation notice knows them already
        return context["switcher_alternates"]
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    if isinstance(page, Page):
        return page_alternates(request, page, current)
    # Views that are not pages (search) exist in every language of the site: translate the URL itself.
    return [
        Alternate(code, language_name(code), translate_url(request.path, code), code == current, is_bidi(code))
        for code in enabled_languages(request)
    ]


@register.inclusion_tag("multilingual/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to this page in the other languages it exists in (live translations in the site's languages)."""
    links = _alternates(context)
    return {"languages": links if len(links) > 1 else []}


@register.inclusion_tag("multilingual/hreflang.html", takes_context=True)
def hreflang_links(context) -> dict:
    """<link rel="alternate" hreflang> for every language version, plus x-default (the Dutch original)."""
    request = context["request"]
    links = _alternates(context)
    if len(links) < 2:
        return {"links": []}
    absolute = [(link.code, request.build_absolute_uri(link.url)) for link in links]
    default = next((url for code, url in absolute if code == settings.LANGUAGE_CODE), None)
    return {"links": absolute, "x_default": default}


@register.simple_tag(takes_context=True)
def html_language(context) -> str:
    """`lang` and `dir` for <html>: the page's own language (the active one for other views)."""
    page = context.get("page")
    code = translation.get_language() or settings.LANGUAGE_CODE
    if isinstance(page, Page) and page.pk and page.locale_id:
        code = page_language(context.get("request"), page)
    return format_html('lang="{}" dir="{}"', code, "rtl" if is_bidi(code) else "ltr")
