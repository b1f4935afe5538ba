"""Staff export of sign-ups (CSV/XLSX) with spreadsheet formulas neutralised.

Wagtail's own submission export writes values as they were typed: in CSV a value like `=HYPERLINK(...)` or
`+31...` is run as a formula when a colleague opens the file in Excel or LibreOffice (CSV injection). Every cell
and heading goes through the project's one neutraliser, `security.spreadsheets.neutralise_formula`.
"""

from __future__ import annotations

from wagtail.contrib.forms.views import SubmissionsListView

from security.spreadsheets import neutralise_formula


class SignupSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list and export, with every exported cell and heading neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        # Before (a list answer becomes one neutralised text) and after (Wagtail's own formatting).
        return neutralise_formula(super().preprocess_field_value(field, neutralise_formula(value), export_format))

    def get_heading(self, queryset, field):
        return neutralise_formula(super().get_heading(queryset, field))
