"""Staff export of sign-ups (CSV/XLSX) with spreadsheet formulas neutralised.

Wagtail's own submission export writes values as they were typed: in CSV a value like `=HYPERLINK(...)` or
`+31...` is run as a formula when a colleague opens the file in Excel or LibreOffice (CSV injection, see
https://owasp.org/www-community/attacks/CSV_Injection). We prefix such values with an apostrophe.
"""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_str
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """The value, made safe to open in a spreadsheet: text that starts like a formula gets a leading `'`."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(force_str(item) for item in value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SignupSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list and export, with every exported cell and heading neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, neutralise(value), export_format))

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))
