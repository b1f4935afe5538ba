""" "This page is not available in your language": find the original a visitor was looking for.

A visitor arrives at a language-prefixed address that has no page in that language: a link shared by someone
reading another language, a hand-edited prefix, or an old link to a translation that was withdrawn. Instead of
a bare 404 they get a notice in their own language with a link to the Dutch original (and to the languages it
does exist in). Two ways in:

- Wagtail routed the address to a page in another language (`/fr/...` on a site without a French home page
  falls back to the Dutch tree): `before_serve_page` catches the mismatch.
- Routing failed part-way (`/en/news/<a Dutch-only item>/`): the 404 handler walks the path in the visitor's
  language as far as it goes, then continues in the Dutch source tree from the same place.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.models import Locale, Page, Site

from multilingual.languages import enabled_languages, language_name, page_alternates

MAX_DEPTH = 12


def requested_language(request: HttpRequest) -> str | None:
    """The language of a prefixed address (`/en/...`), or None for Dutch (unprefixed) and non-i18n paths."""
    code = get_language_from_path(request.path_info)
    if not code or code == settings.LANGUAGE_CODE:
        return None
    return code


def find_original(request: HttpRequest) -> Page | None:
    """The live page in the source language that this language-prefixed 404 address points at, if any."""
    code = requested_language(request)
    site = Site.find_for_request(request)
    if code is None or site is None:
        return None
    prefix = f"/{code}/"
    path = request.path_info[len(prefix) :] if request.path_info.startswith(prefix) else ""
    components = [part for part in path.split("/") if part][:MAX_DEPTH]
    default_locale = Locale.get_default()
    root = site.root_page
    node = root.get_translation_or_none(Locale.objects.filter(language_code=code).first()) or root
    for component in components:
        child = node.get_children().filter(slug=component).first()
        if child is None and node.locale_id != default_locale.pk:
            source = node.get_translation_or_none(default_locale)
            child = source.get_children().filter(slug=component).first() if source else None
        if child is None:
            return None
        node = child
    if node.locale_id != default_locale.pk:
        # The address leads to a page in the visitor's language (or a third one): not a missing translation.
        node = node.get_translation_or_none(default_locale)
    if node is None or not node.live or node.get_view_restrictions().exists():
        return None
    return node.specific


def notice_response(request: HttpRequest, original: Page, code: str) -> HttpResponse:
    """The notice, in the visitor's language, with links to the original and to the languages it exists in."""
    with translation.override(code):
        alternates = [a for a in page_alternates(request, original, code) if a.code in enabled_languages(request)]
        response = TemplateResponse(
            request,
            "multilingual/translation_missing.html",
            {
                "original": original,
                "original_url": original.get_url(request=request),
                "requested_language": language_name(code),
                "alternates": alternates,
                "switcher_alternates": alternates,
            },
            status=404,
        )
        response.render()
    return response


def serve_mismatch(page: Page, request: HttpRequest, *serve_args, **serve_kwargs) -> HttpResponse | None:
    """before_serve_page: a page served under another language's prefix is a missing translation."""
    code = requested_language(request)
    if code is None or page.locale.language_code == code:
        return None
    source = page.get_translation_or_none(Locale.get_default()) or page
    return notice_response(request, source, code)
