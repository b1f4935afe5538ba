"""CSV and JSON downloads of exactly the tables a figures page shows (same protection, same texts).

Reusable: anything with `tables` (each with `title`, `columns`, `rows` of `Shown`), `selected` (with a `key`) and
`as_json()` downloads this way; the shelter figures and the Meldpunt's numbers (`meldpunt/views.py`) do."""

from __future__ import annotations

import csv
import io
import json

from django.http import HttpResponse
from django.utils.translation import gettext as _

from public_numbers.tables import Published
from security.downloads import file_response
from spreadsheets.formulas import neutralise_formula


def csv_rows(figures: Published) -> list[list[str]]:
    """One line per number: table, row, column, value ("<5" and "x" as on the page)."""
    rows = [[_("tabel"), _("rij"), _("kolom"), _("waarde")]]
    for table in figures.tables:
        for label, values in table.rows:
            rows += [
                [table.title, label, column, value.text] for column, value in zip(table.columns, values, strict=True)
            ]
    return rows


def csv_response(figures: Published, name: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in csv_rows(figures):
        writer.writerow([neutralise_formula(cell) for cell in row])
    period = figures.selected.key if figures.selected else "geen"
    return file_response(buffer.getvalue().encode("utf-8-sig"), f"{name}-{period}.csv", "text/csv; charset=utf-8")


def json_response(figures: Published, name: str) -> HttpResponse:
    content = json.dumps(figures.as_json(), ensure_ascii=False, indent=1).encode()
    period = figures.selected.key if figures.selected else "geen"
    return file_response(content, f"{name}-{period}.json", "application/json")
