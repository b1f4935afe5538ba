"""Staff export of sign-ups (Excel and CSV) that a Dutch colleague opens with a double click (issue 16, item 6).

Wagtail's own submission export is made for English Excel: a comma-separated CSV without a byte order mark (Dutch
Excel puts every row in one column and breaks accents), times in UTC, `True`/`False`, and the export hidden in the
"..." menu. Here: a semicolon-separated CSV with a UTF-8 BOM, times in the site's time zone (Europe/Amsterdam),
"Ja"/"Nee", headings in plain Dutch and two labelled buttons above the list.

Every cell and heading also goes through the project's one neutraliser, `spreadsheets.formulas.neutralise_formula`:
Wagtail's export writes values as they were typed, so `=HYPERLINK(...)` or `+31...` would run as a formula when a
colleague opens the file (CSV injection).
"""

from __future__ import annotations

import csv
import datetime
import re

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail.admin.widgets import HeaderButton
from wagtail.contrib.forms.views import SubmissionsListView

from security.downloads import xml_text
from spreadsheets.formulas import neutralise_formula

CSV_DELIMITER = ";"  # what Excel expects where the decimal separator is a comma (nl-NL)
BOM = "\ufeff"  # tells Excel the file is UTF-8
# Excel refuses a sheet name with one of \ / ? * : [ ], one that starts or ends with an apostrophe, or one longer than
# 31 characters (counted in UTF-16, so an emoji counts twice); "History" is its own. Control characters cannot be
# stored in the file at all.
SHEET_FORBIDDEN = re.compile(r"[\\/?*:\[\]\x00-\x1f\x7f]")
SHEET_NAME_MAX = 31


def sheet_name(title: str) -> str:
    """A name Excel accepts for the sheet with the sign-ups of the form `title` (Wagtail calls it "Sheet1")."""
    name = " ".join(SHEET_FORBIDDEN.sub(" ", title).split()).strip("'").strip()
    while len(name.encode("utf-16-le")) > SHEET_NAME_MAX * 2:
        name = name[:-1]
    name = name.strip().strip("'").strip()
    return name if name and name.casefold() != "history" else _("Aanmeldingen")


def local_time(value: datetime.datetime) -> datetime.datetime:
    """A stored (UTC) time as the clock in the office showed it, without a zone (spreadsheets have none)."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def _yes_no(value: bool) -> str:
    return _("Ja") if value else _("Nee")


class _Line:
    """csv.writer's file: hands back each written line instead of storing it (the response streams them)."""

    def write(self, line: str) -> str:
        return line


class SignupSubmissionsListView(SubmissionsListView):
    """Wagtail's sign-up list and export, in Dutch spreadsheet conventions and with formulas neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, bool):
            return _yes_no(value)
        if isinstance(value, datetime.datetime):
            value = local_time(value)
            if export_format == self.FORMAT_CSV:
                return value.strftime("%d-%m-%Y %H:%M")
            return value  # a real date cell in Excel, shown with the date format of the sheet
        # Before (a list answer becomes one neutralised text) and after (Wagtail's own formatting).
        value = neutralise_formula(super().preprocess_field_value(field, neutralise_formula(value), export_format))
        return value if export_format == self.FORMAT_CSV else xml_text(value)

    def get_context_data(self, **kwargs):
        # The list on screen: consent as "Ja"/"Nee", as in the downloads (Wagtail prints Python's "True").
        context = super().get_context_data(**kwargs)
        for row in context.get("data_rows", ()):
            row["fields"] = [_yes_no(value) if isinstance(value, bool) else value for value in row["fields"]]
        return context

    def get_heading(self, queryset, field):
        # The date column in plain Dutch (Wagtail says "Submission date"); the others are the labels the editor gave
        # the questions, "Organisatie" and "Toestemming" (SignupFormPage.get_data_fields).
        if field == "submit_time":
            return _("Aangemeld op")
        return neutralise_formula(super().get_heading(queryset, field))

    def get_filename(self):
        return f"{self.form_page.slug}-aanmeldingen-{timezone.localdate().isoformat()}"

    def write_xlsx(self, queryset, output):
        # Wagtail's write_xlsx with the sheet named after the form (it hard-codes "Sheet1").
        from openpyxl import Workbook
        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_name(self.form_page.title))
        worksheet.append(xml_text(self.get_heading(queryset, field)) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format))
        workbook.save(output)

    def stream_csv(self, queryset):
        writer = csv.writer(_Line(), delimiter=CSV_DELIMITER)
        yield (BOM + writer.writerow([self.get_heading(queryset, field) for field in self.list_export])).encode()
        for item in queryset:
            row = self.to_row_dict(item)
            yield writer.writerow(
                [self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row.items()]
            ).encode()

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{self.get_filename()}.csv")
        return response

    # The export as two labelled buttons next to the title, instead of in Wagtail's unlabelled "..." menu.
    @cached_property
    def header_more_buttons(self):
        return [button for button in super().header_more_buttons if button.url not in self._export_urls]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Download voor Excel"), url=self.xlsx_export_url, icon_name="download", priority=10),
            HeaderButton(_("Download als CSV"), url=self.csv_export_url, icon_name="download", priority=20),
        ]

    @cached_property
    def _export_urls(self) -> set[str]:
        return {self.xlsx_export_url, self.csv_export_url}
