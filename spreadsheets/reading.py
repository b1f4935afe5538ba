"""Reading a volunteer's spreadsheet safely into a `Table`: whatever kind of sheet it describes.

The file type is recognised by its content, not its name: XLSX (streamed by `xlsx_cells`, cached formula results), ODS
(streamed from its XML), and text (CSV/TSV/Excel "Unicode text") decoded as UTF-8 with or without BOM, UTF-16 by
its BOM, else Windows-1252, with the delimiter sniffed among comma, semicolon and tab. The header row may sit
below a title or blank rows; blank rows anywhere (also the phantom rows some programs save by the million) are
skipped. Row numbers are those the spreadsheet program shows.

Hostile files are bounded before anything is expanded (issue 17): the file size, what its archive unpacks to,
the columns (a declared dimension, repeated cells or a CSV line never widen a row beyond MAX_COLUMNS), the rows
(repeated rows and gaps up to MAX_ROWS / MAX_SHEET_ROW), the sample the CSV delimiter is sniffed from
(SNIFF_SAMPLE_CHARS), and the time reading may take (MAX_READ_SECONDS, between rows). Nothing a file holds is
read by recursion or by work that grows faster than the file (tests/spreadsheets/test_hostile_input.py).

Django-import-export's own readers are not used: tablib assumes commas and UTF-8 (see shared STACK-NOTES).
Nothing here knows what the rows mean; a `ColumnSet` (the agenda's is in `columns.py`) names the columns.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from lxml import etree

from spreadsheets import xlsx_cells
from spreadsheets.ods_cells import TABLE, row_values
from spreadsheets.parsing import clean_text

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 30
# After this many blank rows in a row we stop reading: what follows are phantom rows.
MAX_CONSECUTIVE_BLANK_ROWS = 1_000
# A trailing run of blank ODS cells can be 16,000 wide: keep enough for any real sheet.
MAX_COLUMNS = 256
SNIFF_SAMPLE_CHARS = 4096
# No row of a spreadsheet below this one is read (blank rows count: MAX_ROWS data rows leave room for them).
MAX_SHEET_ROW = 2 * MAX_ROWS + HEADER_SEARCH_ROWS + MAX_CONSECUTIVE_BLANK_ROWS
# What a spreadsheet (a zip archive) may unpack to: a big real agenda sheet is a tenth of this.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# How long reading one file may take before it is refused (checked between rows).
MAX_READ_SECONDS = 60

_HEADER_NOISE = re.compile(r"[\s_\-.:/()*]+")


class UnusableFile(Exception):
    """The file cannot be used at all (not a spreadsheet, no header row, missing column, too large)."""


@dataclass(frozen=True)
class ColumnSet:
    """The columns one kind of sheet has: a key per column, the name shown to volunteers (the template's
    header), the headers recognised for it (any case and spacing), and which columns a file must have."""

    names: Mapping[str, str]
    aliases: Mapping[str, str]  # normalised header -> key
    required: tuple[str, ...]
    # Shown when no row looks like a header: says what the rows are and which headers to write.
    no_header_message: str

    @classmethod
    def from_aliases(
        cls, names: Mapping[str, str], aliases: Mapping[str, Iterable[str]], *, required: tuple[str, ...], **kwargs
    ) -> ColumnSet:
        lookup = {normalise_header(alias): key for key, words in aliases.items() for alias in words}
        return cls(names=names, aliases=lookup, required=required, **kwargs)

    def match(self, values: Iterable[Any]) -> dict[str, int]:
        """The columns a row names, as key -> 0-based index (the first of repeated headers counts)."""
        found: dict[str, int] = {}
        for index, value in enumerate(values):
            text = normalise_header(value)
            key = self.aliases.get(text) if text else None
            if key and key not in found:
                found[key] = index
        return found

    def is_header(self, found: dict[str, int]) -> bool:
        return any(key in found for key in self.required) and len(found) >= 2


def normalise_header(value: Any) -> str:
    """A header as matching sees it: case, spaces and punctuation such as `_ - . : / ( ) *` ignored."""
    return _HEADER_NOISE.sub("", clean_text(value).casefold())


def is_blank(values: Iterable[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not clean_text(v)) for v in values)


@dataclass
class Table:
    """A sheet as read: the header row (as written in the file) and the data rows with their row numbers."""

    file_name: str
    kind: str
    header_row: int
    headers: list[str]
    columns: dict[str, int]  # key -> 0-based column index
    rows: list[tuple[int, list[Any]]]
    ignored_columns: list[str] = field(default_factory=list)
    names: Mapping[str, str] = field(default_factory=dict)  # key -> our name, for absent columns

    def column_name(self, key: str) -> str:
        """The column's name as the volunteer wrote it (or our name when the column is absent)."""
        index = self.columns.get(key)
        if index is not None and index < len(self.headers) and self.headers[index]:
            return self.headers[index]
        return self.names[key]

    @property
    def absent_columns(self) -> list[str]:
        """Our names of the columns the file does not have (an update leaves those values alone)."""
        return [name for key, name in self.names.items() if key not in self.columns]

    def cell(self, raw: list[Any], key: str) -> Any:
        """The value of column `key` in the data row `raw` (None when the file has no such column)."""
        index = self.columns.get(key)
        if index is None or index >= len(raw):
            return None
        return raw[index]


def _not_a_spreadsheet() -> UnusableFile:
    return UnusableFile(
        _("Dit bestand is geen spreadsheet. Gebruik een Excel-bestand (.xlsx), LibreOffice (.ods) of CSV.")
    )


def detect_kind(data: bytes, file_name: str) -> str:
    """'xlsx', 'ods' or 'text', by content; raises UnusableFile for anything else."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument.spreadsheet"
                ):
                    return "ods"
        except zipfile.BadZipFile:
            pass
        raise _not_a_spreadsheet()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnusableFile(
            _(
                "Dit is een oud Excel-bestand (.xls). Open het in Excel of LibreOffice en sla het op als "
                "Excel-werkmap (.xlsx)."
            )
        )
    if data.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise _not_a_spreadsheet()
    return "text"


def decode_text(data: bytes) -> str:
    """Text in the encodings spreadsheet programs write: UTF-16 (by BOM, or by its zero bytes), UTF-8 with or
    without BOM, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    head = data[:2000]
    if len(head) >= 4 and head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a byte-order mark: the zero bytes sit on odd (LE) or even (BE) positions.
        odd_zeros = head[1::2].count(0)
        return data.decode("utf-16-le" if odd_zeros > head[0::2].count(0) else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: csv.Sniffer first, then the character that splits most lines most evenly."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    # csv.Sniffer's quote pattern rescans the rest of the sample from every quote: a few kilobytes are plenty,
    # a 600 KB line of 'x "' took minutes.
    sample = "\n".join(lines)[:SNIFF_SAMPLE_CHARS]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ""
    counts = {d: [line.count(d) for line in lines] for d in (",", ";", "\t")}

    def score(d: str) -> tuple[int, int]:
        per_line = [c for c in counts[d] if c]
        if not per_line:
            return (0, 0)
        most_common = max(set(per_line), key=per_line.count)
        return (per_line.count(most_common), most_common)

    best = max(counts, key=score)
    if delimiter and score(delimiter) >= score(best):
        return delimiter
    return best if score(best)[0] else ","


def _iter_text_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    text = decode_text(data)
    if "\x00" in text:
        raise _not_a_spreadsheet()
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, row in enumerate(reader, start=1):
        yield number, row[:MAX_COLUMNS]  # as wide as XLSX and ODS rows may be


def _check_unpacked_size(archive: zipfile.ZipFile) -> None:
    """A few kilobytes can unpack to gigabytes: refuse before anything is unpacked."""
    if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
        raise _too_complex()


def _too_complex() -> UnusableFile:
    # Every import reads through here (agenda, figures, Meldpunt, subscribers): the advice names no sheet.
    return UnusableFile(
        _(
            "Dit bestand is te groot of te ingewikkeld om te lezen. Sla alleen het werkblad dat je wilt importeren op "
            "in een nieuw bestand."
        )
    )


def _iter_xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Rows of the first sheet, at most MAX_COLUMNS wide and up to row MAX_SHEET_ROW (`xlsx_cells`). The sheet's
    declared dimension (`A1:XFD1048576` pinned a worker for minutes with openpyxl) is never used."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_size(archive)
            yield from xlsx_cells.iter_rows(archive, max_row=MAX_SHEET_ROW, max_columns=MAX_COLUMNS)
    except (zipfile.BadZipFile, KeyError, etree.LxmlError, ValueError) as error:
        raise UnusableFile(_("Dit Excel-bestand kan niet worden geopend. Is het beschadigd?")) from error


def _iter_ods_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Rows of the first sheet, streamed from content.xml (never a whole document in memory). Repeated cells and
    rows (`number-columns-repeated`, `number-rows-repeated`, which LibreOffice writes for runs of blank cells)
    are expanded only up to MAX_COLUMNS wide and MAX_ROWS rows: a 1.3 KB file grew to 2 GB when they were not."""
    from defusedxml.ElementTree import iterparse

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_unpacked_size(archive)
        stream = archive.open("content.xml")
    except (zipfile.BadZipFile, KeyError) as error:
        raise UnusableFile(_("Dit LibreOffice-bestand kan niet worden geopend. Is het beschadigd?")) from error
    number = 0
    tables = 0
    try:
        for event, element in iterparse(stream, events=("start", "end")):
            if element.tag == f"{TABLE}table":
                if event == "start":
                    tables += 1
                elif tables == 1:
                    return  # only the first sheet
            elif event == "end" and element.tag == f"{TABLE}table-row" and tables == 1:
                repeat = min(int(element.get(f"{TABLE}number-rows-repeated") or 1), MAX_ROWS + 1)
                values = row_values(element, MAX_COLUMNS)
                element.clear()
                if is_blank(values):
                    number += repeat  # phantom rows: counted, not materialised
                    continue
                for _i in range(repeat):
                    number += 1
                    yield number, values
    except (ValueError, SyntaxError) as error:  # ParseError is a SyntaxError; a bad repeat count a ValueError
        raise UnusableFile(_("Dit LibreOffice-bestand kan niet worden geopend. Is het beschadigd?")) from error
    finally:
        stream.close()
        archive.close()


READERS = {"xlsx": _iter_xlsx_rows, "ods": _iter_ods_rows, "text": _iter_text_rows}


def read_table(data: bytes, file_name: str, column_set: ColumnSet) -> Table:
    """Read the first sheet of a spreadsheet file into a Table, or raise UnusableFile with one clear message."""
    if not data:
        raise UnusableFile(_("Het bestand is leeg."))
    if len(data) > MAX_FILE_BYTES:
        raise UnusableFile(
            _("Het bestand is te groot (meer dan %(mb)s MB). Splits het in kleinere bestanden.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
        )
    kind = detect_kind(data, file_name)
    reader = READERS[kind]
    header: tuple[int, list[Any]] | None = None
    columns: dict[str, int] = {}
    seen = 0
    rows: list[tuple[int, list[Any]]] = []
    blank_run = 0
    deadline = time.monotonic() + MAX_READ_SECONDS
    try:
        for number, values in reader(data):
            if time.monotonic() > deadline:
                raise _too_complex()
            if is_blank(values):
                blank_run += 1
                if header is not None and blank_run > MAX_CONSECUTIVE_BLANK_ROWS:
                    break
                continue
            blank_run = 0
            if header is None:
                seen += 1
                found = column_set.match(values)
                if column_set.is_header(found):
                    header, columns = (number, values), found
                elif seen >= HEADER_SEARCH_ROWS:
                    break
                continue
            rows.append((number, list(values)))
            if len(rows) > MAX_ROWS:
                raise UnusableFile(
                    _("Het bestand heeft meer dan %(max)s rijen. Splits het in kleinere bestanden.")
                    % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
                )
    except (csv.Error, UnicodeError) as error:
        raise UnusableFile(_("Dit bestand kan niet als spreadsheet worden gelezen.")) from error
    if header is None:
        raise UnusableFile(str(column_set.no_header_message))
    headers = [clean_text(v) for v in header[1]]
    for key in column_set.required:
        if key not in columns:
            raise UnusableFile(
                _("De kolom '%(column)s' ontbreekt. Voeg een kolom met de kop '%(column)s' toe.")
                % {"column": column_set.names[key]}
            )
    known = set(columns.values())
    ignored = [h for i, h in enumerate(headers) if h and i not in known]
    return Table(file_name, kind, header[0], headers, columns, rows, ignored, column_set.names)
