"""Every file the site hands out to be saved or opened (agenda exports and templates, rejected rows, published
numbers, citations, calendars) goes through `file_response`, so each carries its name the same safe way.

The name is written by Django's `content_disposition_header`: plain names as `filename="..."`, anything else
(accents, quotes, a line break from a hostile upload's name) percent-encoded as `filename*=utf-8''...`, so a
name can never break the header or add one. `X-Content-Type-Options: nosniff` is on every response already
(SECURE_CONTENT_TYPE_NOSNIFF).

What goes into a file written as XML (XLSX cells, the RSS and Atom feeds) or as iCalendar goes through `xml_text`:
neither can hold most control characters; openpyxl and Django's feed writer refuse the whole file for one of them,
and calendar programs may refuse a feed that icalendar wrote with one. The same kind of care for mail: editor text
in a header goes through `header_text`, a visitor's answer in a staff mail through `without_bidi_controls`.
"""

from __future__ import annotations

import re
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


# Every line break (also Unicode's line and paragraph separators) and every other control character (C0, DEL, C1).
_NOT_IN_A_HEADER = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def header_text(value: Any) -> str:
    """`value` as one line for a mail header (subject, sender, reply-to, a recipient): line breaks and other control
    characters become a space. Django refuses a header with a line break (BadHeaderError): a translated subject
    with one made a sign-up form answer 500 for every visitor."""
    return " ".join(_NOT_IN_A_HEADER.sub(" ", str(value or "")).split())


# Unicode's embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069): invisible, they turn the text
# after them around ("Stichting \u202eTest" reads "Stichting tseT"), so a visitor could make an answer read
# differently in the staff mail than what they typed.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(value: str) -> str:
    """`value` without direction controls: a visitor's answer as staff read it in a mail."""
    return value.translate(_BIDI_CONTROLS)
