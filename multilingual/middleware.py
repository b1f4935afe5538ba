"""Only the languages a site offers (Settings › Talen) are served on it."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils import translation

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
