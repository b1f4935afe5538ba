"""Only the languages a site offers (Settings › Talen) are served on it; right-to-left pages keep left-to-right
runs (numbers, URLs, names) readable."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils import translation

from multilingual.bidi import isolate_ltr_runs
from multilingual.languages import enabled_languages
from multilingual.missing_translation import requested_language


class SiteLanguageMiddleware:
    """A language prefix the site does not offer (`/ar/` on the main site) is a 404 in Dutch.

    Runs after LocaleMiddleware. Unprefixed (Dutch) addresses cost nothing; prefixed ones one cached query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        code = requested_language(request)
        if code is not None and code not in enabled_languages(request):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
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
