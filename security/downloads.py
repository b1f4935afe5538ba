"""Every file the site hands out to be saved or opened (agenda exports and templates, rejected rows, published
numbers, citations, calendars) goes through `file_response`, so each carries its name the same safe way.

The name is written by Django's `content_disposition_header`: plain names as `filename="..."`, anything else
(accents, quotes, a line break from a hostile upload's name) percent-encoded as `filename*=utf-8''...`, so a
name can never break the header or add one. `X-Content-Type-Options: nosniff` is on every response already
(SECURE_CONTENT_TYPE_NOSNIFF).

What goes into a file written as XML (XLSX cells, the RSS and Atom feeds) or as iCalendar goes through `xml_text`:
neither can hold most control characters; openpyxl and Django's feed writer refuse the whole file for one of them,
and calendar programs may refuse a feed that icalendar wrote with one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def file_response(content: bytes | str, filename: str, content_type: str, *, inline: bool = False) -> HttpResponse:
    """`content` as a file named `filename`: to save (an attachment), or with `inline` to open in place (a
    calendar a phone adds at once)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response


# The characters XML 1.0 forbids (all C0 controls but tab, line feed and carriage return, as openpyxl counts them):
# Word's line and page breaks become a space, the others are left out.
_XML_SAFE = dict.fromkeys([*range(0, 9), *range(14, 32)]) | {0x0B: " ", 0x0C: " "}


def xml_text(value: Any) -> Any:
    """`value` as an XML file can hold it: a vertical tab (Word's line break, pasted into a title or typed into a
    sign-up form) becomes a space. One made the news feeds and a form's Excel download answer 500 for everyone."""
    return value.translate(_XML_SAFE) if isinstance(value, str) else value
