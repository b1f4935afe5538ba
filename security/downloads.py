"""Every file the site hands out to be saved or opened (agenda exports and templates, rejected rows, published
numbers, citations, calendars) goes through `file_response`, so each carries its name the same safe way.

The name is written by Django's `content_disposition_header`: plain names as `filename="..."`, anything else
(accents, quotes, a line break from a hostile upload's name) percent-encoded as `filename*=utf-8''...`, so a
name can never break the header or add one. `X-Content-Type-Options: nosniff` is on every response already
(SECURE_CONTENT_TYPE_NOSNIFF).
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def file_response(content: bytes | str, filename: str, content_type: str, *, inline: bool = False) -> HttpResponse:
    """`content` as a file named `filename`: to save (an attachment), or with `inline` to open in place (a
    calendar a phone adds at once)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response
