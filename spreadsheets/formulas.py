"""Spreadsheet (CSV) injection: text a spreadsheet program would run as a formula is written as plain text.

A value such as `=HYPERLINK("http://evil")`, `+31 6 1234` or `@SUM(A1)` typed into a public form or an imported
sheet runs as a formula when a colleague opens an export in Excel or LibreOffice
(https://owasp.org/www-community/attacks/CSV_Injection). Every export (sign-ups, the agenda, rejected import
rows) passes its cells through `neutralise_formula`. django-import-export's `IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT`
is not enough: it strips a single leading `=` only (shared STACK-NOTES).
"""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_str

# What a spreadsheet program reads as the start of a formula (or of a cell it splits into one: tab, CR).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """`value` as one cell that is safe to open in a spreadsheet program.

    Text that starts like a formula gets a leading apostrophe, which spreadsheets show as text (an import
    that reads our own export drops it again). A list or tuple (the answer to a multiple-choice question)
    becomes one text cell, its items separated by commas. Anything else (numbers, dates, None) is returned
    unchanged.
    """
    if isinstance(value, list | tuple):
        value = ", ".join(force_str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
