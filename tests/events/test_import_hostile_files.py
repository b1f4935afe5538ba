"""Issue 17 ("events/importing readers"): spreadsheet readers bound cells, columns, rows and time before expanding
anything. A 1.6 KB XLSX declaring the range A1:XFD1048576 kept a worker busy for minutes; a 1.3 KB ODS with
repeated cells grew to gigabytes. Each test counts what the reader produces, so it fails (or never ends) without
the bounds, and needs no clock."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from events.importing.columns import AGENDA_COLUMNS
from spreadsheets import reading
from spreadsheets.reading import MAX_COLUMNS, MAX_ROWS, UnusableFile, read_table
from spreadsheets.writers import write_xlsx

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _rezip(data: bytes, change) -> bytes:
    """A copy of a zip archive with every member passed through `change(name, content)`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return out.getvalue()


def _ods(rows_xml: str) -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}><office:body>'
        f'<office:spreadsheet><table:table table:name="Agenda">{rows_xml}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    return out.getvalue()


def _cell(text: str, repeat: int = 1) -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeat}"><text:p>{text}</text:p></table:table-cell>'


HEADER = "<table:table-row>" + _cell("Titel") + _cell("Datum") + "</table:table-row>"


def test_an_xlsx_declaring_the_whole_sheet_reads_only_its_real_cells():
    small = write_xlsx(["Titel", "Datum"], [["Spreekuur", "12-03-2027"]])
    hostile = _rezip(
        small,
        lambda name, content: (
            re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', content)
            if name.startswith("xl/worksheets/")
            else content
        ),
    )
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(hostile)).read("xl/worksheets/sheet1.xml")
    rows = list(reading._iter_xlsx_rows(hostile))
    assert [values for _number, values in rows] == [["Titel", "Datum"], ["Spreekuur", "12-03-2027"]]
    table = read_table(hostile, "groot.xlsx", AGENDA_COLUMNS)
    assert len(table.rows) == 1


def test_an_xlsx_with_a_far_away_cell_is_read_within_bounds():
    small = write_xlsx(["Titel", "Datum"], [["Spreekuur", "12-03-2027"]])
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    hostile = _rezip(
        small,
        lambda name, content: content.replace(b"</sheetData>", far) if name.startswith("xl/worksheets/") else content,
    )
    produced = 0
    for _number, values in reading._iter_xlsx_rows(hostile):
        produced += 1
        assert len(values) <= MAX_COLUMNS
    assert produced <= reading.MAX_SHEET_ROW
    assert len(read_table(hostile, "ver.xlsx", AGENDA_COLUMNS).rows) == 1  # blank rows in between end the sheet


def test_ods_repeated_cells_and_rows_are_bounded():
    wide = "<table:table-row>" + _cell("x", 16384) * 50 + "</table:table-row>"
    many = '<table:table-row table:number-rows-repeated="1000000">' + _cell("Spreekuur") + _cell("12-03-2027")
    hostile = _ods(HEADER + wide + many + "</table:table-row>")
    assert len(hostile) < 2000
    produced = 0
    for _number, values in reading._iter_ods_rows(hostile):
        produced += 1
        assert len(values) <= MAX_COLUMNS
        if produced > MAX_ROWS + 3:
            break
    assert produced <= MAX_ROWS + 3  # the header, the wide row and one row more than a sheet may have
    with pytest.raises(UnusableFile, match="meer dan"):
        read_table(hostile, "herhaald.ods", AGENDA_COLUMNS)


def test_ods_repeated_spaces_are_bounded():
    spaces = '<table:table-row><table:table-cell><text:p>a<text:s text:c="1000000000"/>b</text:p></table:table-cell>'
    hostile = _ods(HEADER + spaces + _cell("12-03-2027") + "</table:table-row>")
    [(_number, values)] = [row for row in reading._iter_ods_rows(hostile) if row[1][0] != "Titel"]
    assert len(values[0]) <= 200


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_an_archive_that_unpacks_to_too_much_is_refused(monkeypatch, kind):
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 100_000)
    padding = " " * 30_000
    if kind == "ods":
        data = _ods(HEADER + f"<!-- {padding * 10} -->")
    else:
        data = write_xlsx(["Titel", "Datum"], [[f"Spreekuur {n}" + padding, "12-03-2027"] for n in range(10)])
    with pytest.raises(UnusableFile, match="te groot of te ingewikkeld"):
        read_table(data, f"bom.{kind}", AGENDA_COLUMNS)


def test_reading_stops_at_its_time_limit(monkeypatch):
    monkeypatch.setattr(reading, "MAX_READ_SECONDS", -1)  # already past: the first row is refused
    with pytest.raises(UnusableFile, match="te groot of te ingewikkeld"):
        read_table(b"Titel;Datum\r\nSpreekuur;12-03-2027\r\n", "traag.csv", AGENDA_COLUMNS)


def test_an_xlsx_cell_reference_of_a_million_letters_is_passed_over_at_once():
    """Column letters were turned into a number letter by letter, in ever larger integers: a million letters
    (a few hundred bytes zipped) kept a worker busy for minutes. No sheet has a column past XFD."""
    small = write_xlsx(["Titel", "Datum"], [["Spreekuur", "12-03-2027"]])
    far = b'<row r="3"><c r="' + b"A" * 1_000_000 + b'3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    hostile = _rezip(
        small,
        lambda name, content: content.replace(b"</sheetData>", far) if name.startswith("xl/worksheets/") else content,
    )
    assert len(hostile) < 10_000
    rows = list(reading._iter_xlsx_rows(hostile))
    assert [values for _number, values in rows] == [["Titel", "Datum"], ["Spreekuur", "12-03-2027"], []]


def test_ods_text_nested_thousands_of_spans_deep_is_read():
    """The text of a cell was read by recursion, one level per span: 1,000 nested spans (511 bytes) ended every
    import's preview, and the Meldpunt's and newsletter's upload, with a RecursionError (a 500)."""
    deep = "<text:span>" * 5_000 + "Spreekuur" + "</text:span>" * 5_000
    row = f"<table:table-row><table:table-cell><text:p>{deep}</text:p></table:table-cell>{_cell('12-03-2027')}"
    hostile = _ods(HEADER + row + "</table:table-row>")
    table = read_table(hostile, "diep.ods", AGENDA_COLUMNS)
    assert [table.cell(raw, "title") for _number, raw in table.rows] == ["Spreekuur"]
