"""Hostile spreadsheets against the shared reading and writing (every import: agenda, figures, Meldpunt,
newsletter). Each test counts what the code does with the file instead of timing it, so it fails on the code
that did too much, and needs no clock:

- csv.Sniffer's quote pattern rescans the sample from every quote: a 600 KB line of 'x "' took 456 s;
- openpyxl's date test of a number format is quadratic in its length: a 100,000-character format took 8 s, once
  for every cell style that uses it;
- write_xlsx asked openpyxl for the last row after every row, which scans every cell: 20,000 rows took minutes
  (the Meldpunt's and newsletter's upload copies, the rejected-rows download, the agenda export);
- CSV rows were not cut to MAX_COLUMNS, and the upload copies wrote an empty cell for every ignored column in
  every row (1,000 ignored headers of 1,000 rows, an 18 KB file: 42 s).
"""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from meldpunt.importing import COLUMNS as MELDPUNT_COLUMNS
from meldpunt.importing import sanitised_copy as meldpunt_copy
from newsletter.importing import COLUMNS as NEWSLETTER_COLUMNS
from newsletter.importing import sanitised_copy as newsletter_copy
from spreadsheets import reading, xlsx_cells
from spreadsheets.reading import MAX_COLUMNS, SNIFF_SAMPLE_CHARS, read_table, sniff_delimiter
from spreadsheets.writers import write_xlsx

STYLES_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_the_delimiter_is_sniffed_from_a_bounded_sample(monkeypatch):
    samples = []
    sniff = csv.Sniffer.sniff
    monkeypatch.setattr(
        csv.Sniffer, "sniff", lambda self, sample, **kw: samples.append(len(sample)) or sniff(self, sample, **kw)
    )
    assert sniff_delimiter("Titel;Datum\n" + 'x "' * 200_000 + "\nSpreekuur;12-03-2027\n") == ";"
    assert samples and max(samples) <= SNIFF_SAMPLE_CHARS


def _styles_archive(formats: dict[int, str], xf_format_ids: list[int]) -> zipfile.ZipFile:
    num_fmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{code}"/>' for i, code in formats.items())
    xfs = "".join(f'<xf numFmtId="{i}"/>' for i in xf_format_ids)
    styles = f'<styleSheet xmlns="{STYLES_NS}"><numFmts>{num_fmts}</numFmts><cellXfs>{xfs}</cellXfs></styleSheet>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/styles.xml", styles)
    return zipfile.ZipFile(buffer)


def test_a_number_format_longer_than_excel_allows_is_never_tested_and_each_format_once(monkeypatch):
    tested = []
    is_date = xlsx_cells.is_date_format
    monkeypatch.setattr(xlsx_cells, "is_date_format", lambda code: tested.append(code) or is_date(code))
    archive = _styles_archive({164: "[" * 100_000, 165: "dd-mm-yyyy"}, [0, *[164] * 10, 165, 165])
    dates, durations = xlsx_cells._styles(archive)
    assert dates == {11, 12} and durations == set()  # the real date format still makes dates
    assert all(len(code) <= xlsx_cells.MAX_FORMAT_CODE for code in tested)
    assert sorted(tested) == sorted(set(tested))  # each format code tested once, not once per style


def test_writing_many_rows_does_not_rescan_the_sheet(monkeypatch):
    asked = []
    max_row = Worksheet.max_row
    monkeypatch.setattr(Worksheet, "max_row", property(lambda sheet: asked.append(1) or max_row.fget(sheet)))
    data = write_xlsx(["Titel", "Datum"], [[f"Spreekuur {n}", "=1+1"] for n in range(2_000)])
    assert len(asked) < 10  # once per row before: 2,000 scans of a growing sheet
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.max_row == 2_001
    assert sheet["B2"].data_type == "s" and sheet["B2"].value == "'=1+1"  # still text, never a formula


def test_a_csv_row_is_cut_to_the_columns_any_sheet_may_have():
    data = ("Titel;Datum;" + ";".join(f"x{n}" for n in range(5_000)) + "\nSpreekuur;12-03-2027\n").encode()
    rows = list(reading._iter_text_rows(data))
    assert [len(values) for _number, values in rows] == [MAX_COLUMNS, 2]


UPLOAD_COPIES = {
    "meldpunt": (meldpunt_copy, MELDPUNT_COLUMNS, ["Datum", "Locatie"], ["01-03-2025", "Detentiecentrum Zeist"]),
    "newsletter": (
        newsletter_copy,
        NEWSLETTER_COLUMNS,
        ["E-mailadres", "Lijsten", "Toestemming"],
        ["lezer@example.org", "LOS nieuws", "ja"],
    ),
}


@pytest.mark.parametrize("app", UPLOAD_COPIES)
def test_the_upload_copy_keeps_only_the_headers_of_ignored_columns(app):
    sanitised_copy, columns, imported, values = UPLOAD_COPIES[app]
    headers = [*imported, *(f"Extra {n}" for n in range(200))]
    rows = [[*values, *(["geheim"] * 200)] for _ in range(50)]
    copy = sanitised_copy(write_xlsx(headers, rows), "breed.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(copy)).active
    header, *written = list(sheet.iter_rows(values_only=True))
    assert header[-200:] == tuple(f"Extra {n}" for n in range(200))  # the preview still names them
    assert len(written) == 50
    assert not any("geheim" in str(value) for row in written for value in row)
    cells = zipfile.ZipFile(io.BytesIO(copy)).read("xl/worksheets/sheet1.xml").count(b"<c ")
    # The row number and the imported columns: no cell of the others, not even empty ones.
    assert cells == len(header) + 50 * (1 + len(imported))
    table = read_table(copy, "breed.xlsx", columns)
    assert len(table.rows) == 50 and len(table.ignored_columns) == 200


@pytest.mark.parametrize("size", [1, 3])
def test_sniffing_still_finds_commas_semicolons_and_tabs(size):
    for delimiter in (",", ";", "\t"):
        text = "\n".join(delimiter.join(["Titel", "Datum", "Plaats"]) for _ in range(size))
        assert sniff_delimiter(text) == delimiter


def test_control_characters_are_left_out_of_an_xlsx_cell_not_the_whole_file():
    """An event's description pasted from Word can hold a vertical tab (a line break: now a space); the agenda
    export answered 500."""
    data = write_xlsx(["Titel\x1b", "Omschrijving"], [["Spreekuur", "eerste\x0bregel\x00 tweede"]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Titel", "Omschrijving"],
        ["Spreekuur", "eerste regel tweede"],
    ]


@pytest.mark.parametrize("app", UPLOAD_COPIES)
def test_an_upload_with_control_characters_is_kept_without_them(app):
    """The upload copy is an XLSX: a CSV cell with a vertical tab made keeping it fail (a 500 at upload)."""
    sanitised_copy, columns, imported, values = UPLOAD_COPIES[app]
    data = (";".join(imported) + "\n" + ";".join(value[:3] + "\x0b" + value[3:] for value in values) + "\n").encode()
    table = read_table(sanitised_copy(data, "tab.csv"), "tab.xlsx", columns)
    [(_number, raw)] = table.rows
    assert "\x0b" not in str(raw)
