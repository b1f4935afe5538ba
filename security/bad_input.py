"""Unusable bytes in a request answer 400 before any view, form or database sees them.

A NUL byte that reaches PostgreSQL raises (`A string literal cannot contain NUL`), so every view that passes a
query parameter, a posted field or a cookie to a query would answer 500 unless it cleaned the value itself. One
middleware refuses them everywhere instead: NUL and the other C0 control characters (tab, line feed and carriage
return excepted: text areas send them), in the path, the names and values of query parameters, form-encoded posts
and cookies, and query strings that are not valid UTF-8 once percent-decoded (Django would silently turn them into
U+FFFD). Such bytes have no meaning in any URL of this site; no visitor's browser sends them. In posted forms only
NUL is refused (it breaks PostgreSQL text and JSON columns): text pasted from a word processor into the admin can
carry a vertical tab or a form feed, and refusing a whole page for it would lose an editor's work.
It sits before the session middleware, so a session cookie with a NUL never reaches the session table.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse

from security.error_pages import UNREADABLE_INPUT, bad_request_response

_UNUSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Only url-encoded bodies are read here. A multipart body is left to the view: reading request.POST would parse the
# upload with the default handlers (spooling large files to disk) before a view such as the shelters' client-list
# upload can choose its in-memory handler; Django's form fields refuse NUL in multipart text themselves.
_FORM_TYPES = ("application/x-www-form-urlencoded",)


def _unusable(text: str) -> bool:
    return bool(_UNUSABLE.search(text))


def _query_is_valid_utf8(raw: str) -> bool:
    try:
        unquote_to_bytes(raw.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def has_unusable_input(request: HttpRequest) -> bool:
    """True when the path, a query parameter, a form field or a cookie holds a byte no page of ours can use."""
    if _unusable(request.path):
        return True
    if not _query_is_valid_utf8(request.META.get("QUERY_STRING", "")):
        return True
    for source, unusable in ((request.GET, _unusable), (request.COOKIES, _unusable)):
        if _any_in(source, unusable):
            return True
    if request.method == "POST" and request.content_type in _FORM_TYPES:
        return _any_in(request.POST, lambda text: "\x00" in text)
    return False


def _any_in(source, unusable) -> bool:
    items = source.lists() if hasattr(source, "lists") else ((name, [value]) for name, value in source.items())
    return any(
        unusable(name) or any(isinstance(value, str) and unusable(value) for value in values) for name, values in items
    )


class UnusableInputMiddleware:
    """Answers 400 to requests carrying NUL or other control bytes: the site's own page in the visitor's language
    (security/error_pages.py), the API's JSON error under /api/."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            refuse = has_unusable_input(request)
        except UnicodeDecodeError:  # a multipart body whose field names are not UTF-8
            refuse = True
        if refuse:
            return bad_request_response(request, UNREADABLE_INPUT)
        return self.get_response(request)
