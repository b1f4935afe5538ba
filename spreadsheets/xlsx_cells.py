"""The rows of an XLSX workbook's first sheet, streamed from its XML with lxml (`reading` bounds and uses them).

openpyxl's read-only reader, used until issue 18, builds Python objects for every XML element and every inline
string: 10,000 agenda rows of 9 columns took 3-4 s of CPU, more than the rest of the import together. This reads
the same cells with lxml's C parser, and leaves what is subtle to openpyxl's own helpers: which number formats are
dates or durations (`is_date_format`, `is_timedelta_format`, the built-in formats) and how a serial number becomes
a date, a time or a date and time (`from_excel`, in the workbook's 1900 or 1904 calendar). Formulas give their
cached result, as openpyxl's `data_only` does.

Bounds (issue 17): cells beyond `max_columns` and rows beyond `max_row` are never produced, whatever the sheet
declares; a cell reference past column XFD and a number format longer than Excel allows are passed over; entities
are not expanded and nothing is fetched from a network.
"""

from __future__ import annotations

import datetime
import posixpath
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Excel refuses a number format longer than 255 characters.
MAX_FORMAT_CODE = 255
OUTSIDE_ANY_SHEET = 16384  # XFD is column 16,384: index 16,383


def _parse(archive: zipfile.ZipFile, name: str):
    with archive.open(name) as stream:
        return etree.parse(stream, _parser()).getroot()


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _first_sheet(archive: zipfile.ZipFile) -> tuple[str, datetime.datetime]:
    """The first sheet's member name, and the workbook's calendar (1900, or 1904 as old Mac Excel wrote)."""
    workbook = _parse(archive, "xl/workbook.xml")
    properties = workbook.find(f"{MAIN}workbookPr")
    calendar = CALENDAR_WINDOWS_1900
    if properties is not None and properties.get("date1904") in ("1", "true"):
        calendar = CALENDAR_MAC_1904
    sheet = workbook.find(f"{MAIN}sheets/{MAIN}sheet")
    relation = sheet.get(f"{RELATIONSHIPS}id") if sheet is not None else None
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in _parse(archive, "xl/_rels/workbook.xml.rels").iter(f"{PACKAGE_RELATIONSHIPS}Relationship")
    }
    target = targets.get(relation) or "worksheets/sheet1.xml"
    name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return name, calendar


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    """The workbook's shared strings: plain and rich text (runs joined), phonetic hints left out."""
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings = []
    with archive.open("xl/sharedStrings.xml") as stream:
        for _event, item in etree.iterparse(stream, tag=f"{MAIN}si", resolve_entities=False, no_network=True):
            strings.append(_text(item))
            item.clear()
    return strings


def _text(element) -> str:
    """The text of a string item (`si`, or an inline `is`), as openpyxl gives it."""
    parts = []
    for child in element:
        if child.tag == f"{MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{MAIN}r":
            run = child.find(f"{MAIN}t")
            parts.append(run.text or "" if run is not None else "")
    return "".join(parts).replace("x005F_", "")


def _styles(archive: zipfile.ZipFile) -> tuple[set[int], set[int]]:
    """The cell styles (by index) whose number format is a date or time, and those that are a duration."""
    if "xl/styles.xml" not in archive.namelist():
        return set(), set()
    styles = _parse(archive, "xl/styles.xml")
    formats = dict(BUILTIN_FORMATS)
    for number_format in styles.iterfind(f"{MAIN}numFmts/{MAIN}numFmt"):
        code = number_format.get("formatCode") or ""
        if len(code) > MAX_FORMAT_CODE:  # no program writes one; openpyxl's test of it is quadratic in its length
            code = ""
        try:
            formats[int(number_format.get("numFmtId"))] = code
        except (TypeError, ValueError):
            continue
    kinds: dict[str, tuple[bool, bool]] = {}  # format code -> (date, duration): each is tested once
    dates, durations = set(), set()
    for index, style in enumerate(styles.iterfind(f"{MAIN}cellXfs/{MAIN}xf")):
        try:
            code = formats.get(int(style.get("numFmtId") or 0), "")
        except ValueError:
            continue
        if code not in kinds:
            is_date = is_date_format(code)
            kinds[code] = (is_date, is_date and is_timedelta_format(code))
        is_date, is_duration = kinds[code]
        if is_date:
            dates.add(index)
        if is_duration:
            durations.add(index)
    return dates, durations


def _column_index(reference: str, cache: dict[str, int]) -> int:
    """0-based column of a cell reference such as 'B12' (AB12 -> 27)."""
    letters = reference.rstrip("0123456789")
    if len(letters) > 3:  # beyond XFD, the last column of any sheet; a hostile file's million letters cost minutes
        return OUTSIDE_ANY_SHEET
    index = cache.get(letters)
    if index is None:
        index = 0
        for letter in letters.upper():
            index = index * 26 + ord(letter) - 64
        index -= 1
        cache[letters] = index
    return index


def iter_rows(archive: zipfile.ZipFile, *, max_row: int, max_columns: int) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cell values) of the first sheet, trailing empty cells left off; rows the sheet skips come as
    empty rows (up to `max_row`), as a spreadsheet program shows them."""
    sheet, calendar = _first_sheet(archive)
    strings = _shared_strings(archive)
    dates, durations = _styles(archive)
    columns: dict[str, int] = {}
    previous = 0
    with archive.open(sheet) as stream:
        for _event, row in etree.iterparse(stream, tag=f"{MAIN}row", resolve_entities=False, no_network=True):
            try:
                number = int(row.get("r") or previous + 1)
            except ValueError:
                number = previous + 1
            if number > max_row:
                break
            for gap in range(previous + 1, number):
                yield gap, []
            previous = max(previous, number)
            values: list[Any] = []
            position = 0
            for cell in row.iterchildren(f"{MAIN}c"):
                reference = cell.get("r")
                index = _column_index(reference, columns) if reference else position
                position = index + 1
                if index >= max_columns or index < 0:
                    continue
                value = _cell_value(cell, strings, dates, durations, calendar)
                if value is None:
                    continue
                if index >= len(values):
                    values.extend([None] * (index + 1 - len(values)))
                values[index] = value
            # Free what is parsed (lxml keeps the tree): memory stays flat for any number of rows.
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
            yield number, values


def _cell_value(cell, strings: list[str], dates: set[int], durations: set[int], calendar) -> Any:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{MAIN}is")
        return _text(inline) if inline is not None else None
    element = cell.find(f"{MAIN}v")
    raw = element.text if element is not None else None
    if raw is None:
        return None
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            return None
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind in ("str", "e"):
        return raw
    if kind == "d":
        try:
            return datetime.datetime.fromisoformat(raw.strip().rstrip("Z"))
        except ValueError:
            return raw
    try:  # as openpyxl casts: a whole number unless it has a point or an exponent
        number = float(raw) if "." in raw or "E" in raw or "e" in raw else int(raw)
        style = int(cell.get("s") or 0)
    except ValueError:
        return raw
    if style in dates:
        try:
            return from_excel(number, calendar, timedelta=style in durations)
        except (OverflowError, ValueError):
            return number
    return number
