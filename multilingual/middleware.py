"""Only the languages a site offers (Settings › Talen) are served on it; right-to-left pages keep left-to-right
runs (numbers, URLs, names) readable."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpRequest
from django.urls import Resolver404, resolve
from django.utils import translation

from multilingual.bidi import isolate_ltr_runs
from multilingual.languages import enabled_languages
from multilingual.missing_translation import requested_language


def any_language_prefix(view):
    """Mark a view whose address may carry a language prefix its site does not offer: it is served in Dutch.

    For addresses that were handed out and must keep working (the signed links in sent mails, valid for a year):
    a link made before the site dropped a language, or for a site that never offered it, is not a dead end."""
    view.los_any_language_prefix = True
    return view


def _served_in_dutch(request: HttpRequest, code: str) -> bool:
    """Serve a marked view's prefixed address as its Dutch (unprefixed) one; False for every other address."""
    path = request.path_info[len(code) + 1 :]
    with translation.override(settings.LANGUAGE_CODE):
        try:
            match = resolve(path, getattr(request, "urlconf", None))
        except Resolver404:
            return False
    if not getattr(match.func, "los_any_language_prefix", False):
        return False
    request.path_info = path
    return True


class SiteLanguageMiddleware:
    """A language prefix the site does not offer (`/ar/` on the main site) is a 404 in Dutch.

    Runs after LocaleMiddleware. Unprefixed (Dutch) addresses cost nothing; prefixed ones one cached query. Views
    marked `any_language_prefix` are served in Dutch instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        code = requested_language(request)
        if code is not None and code not in enabled_languages(request):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            if not _served_in_dutch(request, code):
                request._los_language_not_offered = True
                raise Http404("language not offered on this site")
        return self.get_response(request)


_RTL_HTML = re.compile(rb"<html[^>]*\bdir=\"rtl\"", re.IGNORECASE)


class IsolateLtrMiddleware:
    """Right-to-left HTML pages get their phone numbers, URLs, e-mail addresses and Latin names isolated
    left-to-right (multilingual.bidi), whichever template, block or snippet wrote them. Other pages pass untouched
    at the cost of one look at the <html> tag."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        if (
            getattr(response, "streaming", False)
            or not response.get("Content-Type", "").startswith("text/html")
            or not _RTL_HTML.search(response.content[:2000])
        ):
            return response
        charset = response.charset or "utf-8"
        response.content = isolate_ltr_runs(response.content.decode(charset)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
