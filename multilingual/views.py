"""Views of the home app: the site-wide 404 page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.template import loader

from multilingual.missing_translation import find_original, notice_response, requested_language


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: a missing translation gets a notice pointing at the Dutch original; anything else the 404 page.

    The plain 404 page offers no language switcher: there is nothing at this address in any language.
    """
    code = requested_language(request)
    if code is not None and not getattr(request, "_los_language_not_offered", False):
        try:
            original = find_original(request)
        except Exception:  # noqa: BLE001 - a 404 page must never become a 500
            original = None
        if original is not None:
            return notice_response(request, original, code)
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path, "switcher_alternates": []}, request))
