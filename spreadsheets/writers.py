"""Writing rows as the spreadsheet files volunteers open: CSV as Dutch Excel expects it, and XLSX.

Every cell goes through `spreadsheets.formulas.neutralise_formula`, so nothing a visitor or volunteer typed runs
as a formula when the file is opened. Used by the agenda export, the template and the rejected-rows download.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from security.downloads import xml_text
from spreadsheets.formulas import neutralise_formula


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def display(value: Any) -> Any:
    """Dates and times as a Dutch spreadsheet shows them, for text formats (aware ones in the site's zone)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value, timezone.get_default_timezone())
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return value


def write_csv(headers: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """UTF-8 with BOM and semicolons: what Dutch Excel opens correctly with a double click."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise_formula(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise_formula(display(v)) for v in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def write_xlsx(headers: list[str], rows: Iterable[Iterable[Any]], *, sheet_title: str = "Agenda") -> bytes:
    """An XLSX workbook; every text cell is written as text (data type 's'), never as a formula."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = sheet_title
    sheet.append([xml_text(neutralise_formula(h)) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # Cell by cell at a counted row: `sheet[sheet.max_row]` scans every cell written so far, which made 20,000
    # rows take minutes.
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=xml_text(neutralise_formula(value)))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, datetime.datetime | datetime.date):
                cell.number_format = "DD-MM-YYYY"
            elif isinstance(cell.value, datetime.time):
                cell.number_format = "HH:MM"
    for index, header in enumerate(headers):
        sheet.column_dimensions[column_letter(index)].width = max(12, min(40, len(str(header)) + 4))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
