"""Views of the home app: the site-wide 404 page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.defaults import page_not_found as django_page_not_found

from home.missing_translation import find_original, notice_response, requested_language


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: a missing translation gets a notice pointing at the Dutch original; anything else the 404 page."""
    code = requested_language(request)
    if code is not None:
        try:
            original = find_original(request)
        except Exception:  # noqa: BLE001 - a 404 page must never become a 500
            original = None
        if original is not None:
            return notice_response(request, original, code)
    return django_page_not_found(request, exception)
