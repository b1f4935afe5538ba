"""The visitor's 400 page: the site's own layout, in the visitor's language, for every request the site refuses as
unreadable: unusable bytes (security/bad_input.py, before any view) and what Django itself refuses (handler400 in
cms/urls.py: a body too large, too many fields, a suspicious operation).

The page is rendered for a cleaned copy of the request: no query string, no form data, no cookies, no session or
user, and the path of the language's home page. So nothing the visitor sent (NUL bytes included) reaches a
template, a template tag or the database, and the page sets no cookie. Should the layout itself fail (the
database down, a Host header Django refuses), the answer is the same message as plain text: a 400 never becomes
a 500.
"""

from __future__ import annotations

import copy
import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, QueryDict
from django.template import loader
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger("los.security")


# Lazy: the text is made in the language of the address, inside bad_request_response.
UNREADABLE_INPUT = gettext_lazy(
    "Dit adres of formulier bevat tekens die we niet kunnen lezen. Controleer wat je typte."
)


def _language(request: HttpRequest) -> str:
    """The address's language, as on every page of the site: Dutch unprefixed, /en/... English."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def _cleaned(request: HttpRequest, language: str) -> HttpRequest:
    """The request as if the visitor had asked for the home page in their language, with nothing else."""
    home = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    clean = copy.copy(request)
    for attribute in ("session", "user", "_cached_user", "resolver_match", "_messages"):
        clean.__dict__.pop(attribute, None)
    clean.method = "GET"
    clean.path = clean.path_info = home
    clean.META = {name: value for name, value in request.META.items() if name not in ("HTTP_COOKIE", "CONTENT_TYPE")}
    clean.META.update(PATH_INFO=home, QUERY_STRING="", REQUEST_METHOD="GET", CONTENT_LENGTH="0")
    clean.GET, clean._post, clean._files, clean.COOKIES = QueryDict(), QueryDict(), MultiValueDict(), {}
    clean.user = AnonymousUser()
    clean.LANGUAGE_CODE = language
    return clean


def bad_request_response(request: HttpRequest, message: str | None = None) -> HttpResponse:
    """A 400 with `message` (default: a general one): the API's JSON shape under /api/, else the site's page."""
    language = _language(request)
    with translation.override(language):
        text = str(message or _("Dit verzoek kunnen we niet verwerken. Controleer het adres of wat je invulde."))
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"message": text}, status=400)
        else:
            try:
                html = loader.render_to_string(
                    "security/bad_request.html",
                    {"message": text, "switcher_alternates": []},
                    request=_cleaned(request, language),
                )
                response = HttpResponseBadRequest(html)
            except Exception as error:  # noqa: BLE001 - the 400 page must never become a 500
                logger.warning("The 400 page could not be rendered (%s); answered in plain text", type(error).__name__)
                response = HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: what Django refuses before or in a view gets the same page (its reason is not shown)."""
    return bad_request_response(request)
