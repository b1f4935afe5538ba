"""The one import engine for the agenda, used by the admin flow ("Agenda importeren") and `import_events`.

Volunteers upload whatever their office software writes, so reading is forgiving and writing is strict:

1. **Read** (`read_table`): the file type is recognised by its content, not its name: XLSX (openpyxl read-only,
   cached formula results), ODS (odfpy, streaming over repeated rows), and text (CSV/TSV/Excel "Unicode text")
   decoded as UTF-8 with or without BOM, UTF-16 by its BOM, else Windows-1252, with the delimiter sniffed among
   comma, semicolon and tab. The header row may sit below a title or blank rows; blank rows anywhere (also the
   phantom rows some programs save by the million) are skipped. Row numbers are those the spreadsheet program
   shows.
2. **Parse** (`_parse_row`): Dutch or English headers in any case and spacing; dates as dd-mm-jjjj, d-m-jj,
   jjjj-mm-dd, "12 maart 2027" or date cells; times as 19:30, 19.30 or time cells; values trimmed. Text that a
   spreadsheet would run as a formula is kept as plain text (and neutralised again by `neutralise_formula` on
   export).
3. **Match**: by Kenmerk/ID when the row has one, otherwise by title + date + city ignoring case and spacing. A
   row repeated within the file is reported and imported once.
4. **Validate and write** with a django-import-export `EventResource` (bulk create/update, model validation):
   any invalid row means nothing is written, and every problem is listed with its spreadsheet row and column,
   in plain Dutch. The whole import is one transaction; side effects (search index) run on commit.

Django-import-export's own readers are not used for step 1: tablib assumes commas and UTF-8, and its date widgets
accept one format (see shared STACK-NOTES). Everything from the parsed rows on goes through the resource.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from wagtail.models import Locale

from events.models import AMSTERDAM, Event, ImportBatch, source_language
from security.spreadsheets import FORMULA_PREFIXES, neutralise_formula

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# Above this many rows the admin runs the import as a background task with a progress page.
BACKGROUND_THRESHOLD = 2_000
HEADER_SEARCH_ROWS = 30
# After this many blank rows in a row we stop reading: what follows are phantom rows.
MAX_CONSECUTIVE_BLANK_ROWS = 1_000
CHUNK_SIZE = 1_000

# Canonical columns: key -> (Dutch name shown to volunteers, model attribute or None).
COLUMNS: dict[str, str] = {
    "external_id": "Kenmerk",
    "title": "Titel",
    "date": "Datum",
    "start_time": "Begintijd",
    "end_date": "Einddatum",
    "end_time": "Eindtijd",
    "all_day": "Hele dag",
    "location": "Locatie",
    "address": "Adres",
    "city": "Plaats",
    "organiser": "Organisatie",
    "description": "Omschrijving",
    "registration_url": "Website",
    "online_url": "Online link",
    "audience": "Doelgroep",
    "language": "Taal",
}
REQUIRED_COLUMNS = ("title", "date")

HEADER_ALIASES: dict[str, str] = {}
for _key, _aliases in {
    "external_id": ["kenmerk", "id", "nummer", "code", "referentie", "reference", "externalid"],
    "title": ["titel", "title", "naam", "name", "activiteit", "event", "onderwerp"],
    "date": ["datum", "date", "begindatum", "startdatum", "startdate", "dag", "day"],
    "start_time": ["begintijd", "starttijd", "starttime", "start", "aanvang", "tijd", "time", "van", "from"],
    "end_date": ["einddatum", "enddate", "totdatum"],
    "end_time": ["eindtijd", "endtime", "einde", "end", "tot", "to", "until"],
    "all_day": ["heledag", "allday", "gehele dag", "geheledag"],
    "location": ["locatie", "location", "plek", "venue", "zaal"],
    "address": ["adres", "address", "straat", "street"],
    "city": ["plaats", "city", "stad", "woonplaats", "gemeente", "town"],
    "organiser": ["organisatie", "organiser", "organizer", "organisator", "organization", "organisation"],
    "description": ["omschrijving", "description", "beschrijving", "toelichting", "info", "informatie"],
    "registration_url": [
        "website",
        "link",
        "url",
        "aanmeldlink",
        "aanmelden",
        "registratie",
        "registration",
        "webpagina",
    ],
    "online_url": ["onlinelink", "online", "onlineurl", "videolink", "meetinglink"],
    "audience": ["doelgroep", "audience", "voorwie", "publiek"],
    "language": ["taal", "language", "voertaal"],
}.items():
    for _alias in _aliases:
        HEADER_ALIASES[_alias] = _key

MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augustus": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = [
    "maandag",
    "ma",
    "dinsdag",
    "di",
    "woensdag",
    "wo",
    "donderdag",
    "do",
    "vrijdag",
    "vr",
    "zaterdag",
    "za",
    "zondag",
    "zo",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
]

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")
_TEXT_DATE = re.compile(r"^(\d{1,2})\s*(?:e\s+)?([a-z]+)\.?\s+(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.u h](\d{2}))?(?::\d{2})?\s*(?:uur|u|h)?$")
_SPACES = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
TRUE_WORDS = {"ja", "j", "yes", "y", "x", "waar", "true", "1", "hele dag", "✓"}
FALSE_WORDS = {"nee", "n", "no", "onwaar", "false", "0", ""}
LANGUAGE_WORDS = {
    "nl": "nl",
    "nederlands": "nl",
    "dutch": "nl",
    "en": "en",
    "engels": "en",
    "english": "en",
}


class UnusableFile(Exception):
    """The file cannot be used at all (not a spreadsheet, no header row, missing column, too large)."""


# Small helpers ---------------------------------------------------------------------------------------------


def clean_text(value: Any, *, multiline: bool = False) -> str:
    """A trimmed string: invisible characters removed, no-break spaces as spaces, and a leading apostrophe that
    only protected a formula-like text (our own exports write them) dropped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not text.isascii():  # the common case skips the Unicode clean-up
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).replace("\xa0", " ")
    text = text.replace("\x00", "")
    if multiline:
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    else:
        text = _SPACES.sub(" ", text).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES[:4]):
        text = text[1:]
    return text


def normalise_key(value: str) -> str:
    """Title or city for matching: case, accents-as-written and spacing ignored."""
    return _SPACES.sub(" ", clean_text(value)).casefold()


def _header_key(value: Any) -> str | None:
    text = clean_text(value).casefold()
    text = re.sub(r"[\s_\-.:/()*]+", "", text)
    return HEADER_ALIASES.get(text) if text else None


def _is_blank(values: Iterable[Any]) -> bool:
    return all(v is None or (isinstance(v, str) and not clean_text(v)) for v in values)


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# Reading -----------------------------------------------------------------------------------------------------


@dataclass
class Table:
    """A sheet as read: the header row (as written in the file) and the data rows with their row numbers."""

    file_name: str
    kind: str
    header_row: int
    headers: list[str]
    columns: dict[str, int]  # canonical key -> 0-based column index
    rows: list[tuple[int, list[Any]]]
    ignored_columns: list[str] = field(default_factory=list)

    def column_name(self, key: str) -> str:
        """The column's name as the volunteer wrote it (or our Dutch name when the column is absent)."""
        index = self.columns.get(key)
        if index is not None and index < len(self.headers) and self.headers[index]:
            return self.headers[index]
        return COLUMNS[key]


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
        raise UnusableFile(
            _("Dit bestand is geen spreadsheet. Gebruik een Excel-bestand (.xlsx), LibreOffice (.ods) of CSV.")
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnusableFile(
            _(
                "Dit is een oud Excel-bestand (.xls). Open het in Excel of LibreOffice en sla het op als "
                "Excel-werkmap (.xlsx)."
            )
        )
    if data.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise UnusableFile(
            _("Dit bestand is geen spreadsheet. Gebruik een Excel-bestand (.xlsx), LibreOffice (.ods) of CSV.")
        )
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
    sample = "\n".join(lines)
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
        raise UnusableFile(
            _("Dit bestand is geen spreadsheet. Gebruik een Excel-bestand (.xlsx), LibreOffice (.ods) of CSV.")
        )
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    yield from enumerate(reader, start=1)


def _iter_xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnusableFile(_("Dit Excel-bestand kan niet worden geopend. Is het beschadigd?")) from error
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows():
            cells = list(row)
            number = next((c.row for c in cells if getattr(c, "row", None)), None)
            values = [getattr(c, "value", None) for c in cells]
            if number is None:
                continue  # an empty row: read-only mode yields it without coordinates
            yield number, values
    finally:
        workbook.close()


def _iter_ods_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load

    try:
        document = load(io.BytesIO(data))
    except Exception as error:
        raise UnusableFile(_("Dit LibreOffice-bestand kan niet worden geopend. Is het beschadigd?")) from error
    from odf.table import Table as OdsTable

    tables = document.spreadsheet.getElementsByType(OdsTable)
    if not tables:
        return
    number = 0
    for row in _ods_table_rows(tables[0]):
        repeat = int(row.getAttrNS(TABLENS, "number-rows-repeated") or 1)
        values: list[Any] = []
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            columns = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            value = _ods_value(cell, OFFICENS)
            # A trailing run of blank cells can be 16,000 wide: keep enough for any real sheet.
            values.extend([value] * min(columns, 256))
        if _is_blank(values):
            number += repeat  # phantom rows: counted, not materialised
            continue
        for _i in range(min(repeat, MAX_ROWS + 1)):
            number += 1
            yield number, values


def _ods_table_rows(table) -> Iterator[Any]:
    for node in table.childNodes:
        name = node.qname[1]
        if name == "table-row":
            yield node
        elif name in ("table-rows", "table-header-rows", "table-row-group"):
            yield from _ods_table_rows(node)


def _ods_value(cell, officens: str) -> Any:
    kind = cell.getAttrNS(officens, "value-type")
    if kind == "date":
        raw = cell.getAttrNS(officens, "date-value") or ""
        try:
            if "T" in raw:
                return datetime.datetime.fromisoformat(raw[:19])
            return datetime.date.fromisoformat(raw[:10])
        except ValueError:
            return raw
    if kind == "time":
        raw = cell.getAttrNS(officens, "time-value") or ""
        match = re.match(r"^-?PT(\d+)H(\d+)M(\d+)", raw)
        if match:
            hours, minutes = int(match.group(1)), int(match.group(2))
            if hours < 24:
                return datetime.time(hours, minutes)
        return raw
    if kind in ("float", "percentage", "currency"):
        raw = cell.getAttrNS(officens, "value")
        try:
            number = float(raw)
        except (TypeError, ValueError):
            return raw
        return int(number) if number.is_integer() else number
    if kind == "boolean":
        return cell.getAttrNS(officens, "boolean-value") == "true"
    from odf import teletype

    paragraphs = [teletype.extractText(p) for p in cell.childNodes if p.qname[1] == "p"]
    text = "\n".join(paragraphs)
    return text if text else None


def read_table(data: bytes, file_name: str) -> Table:
    """Read the first sheet of a spreadsheet file into a Table, or raise UnusableFile with one clear message."""
    if not data:
        raise UnusableFile(_("Het bestand is leeg."))
    if len(data) > MAX_FILE_BYTES:
        raise UnusableFile(
            _("Het bestand is te groot (meer dan %(mb)s MB). Splits het in kleinere bestanden.")
            % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
        )
    kind = detect_kind(data, file_name)
    reader = {"xlsx": _iter_xlsx_rows, "ods": _iter_ods_rows, "text": _iter_text_rows}[kind]
    header: tuple[int, list[Any]] | None = None
    columns: dict[str, int] = {}
    seen = 0
    rows: list[tuple[int, list[Any]]] = []
    blank_run = 0
    try:
        for number, values in reader(data):
            if _is_blank(values):
                blank_run += 1
                if header is not None and blank_run > MAX_CONSECUTIVE_BLANK_ROWS:
                    break
                continue
            blank_run = 0
            if header is None:
                seen += 1
                found = _match_headers(values)
                if any(key in found for key in REQUIRED_COLUMNS) and len(found) >= 2:
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
        raise UnusableFile(
            _(
                "Geen kopregel gevonden. Zet in de eerste rij boven de activiteiten de namen van de kolommen, "
                "bijvoorbeeld Titel, Datum, Begintijd, Plaats. Download het sjabloon als voorbeeld."
            )
        )
    headers = [clean_text(v) for v in header[1]]
    for key in REQUIRED_COLUMNS:
        if key not in columns:
            raise UnusableFile(
                _("De kolom '%(column)s' ontbreekt. Voeg een kolom met de kop '%(column)s' toe.")
                % {"column": COLUMNS[key]}
            )
    known = set(columns.values())
    ignored = [h for i, h in enumerate(headers) if h and i not in known]
    return Table(file_name, kind, header[0], headers, columns, rows, ignored)


def _match_headers(values: list[Any]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        key = _header_key(value)
        if key and key not in found:
            found[key] = index
    return found


# Parsing values ----------------------------------------------------------------------------------------------


class CellError(ValueError):
    """A value that cannot be understood; the message is shown to the volunteer."""


def parse_date(value: Any) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = clean_text(value).casefold()
    if not text:
        return None
    words = text.replace(",", " ").split()
    if words and words[0].rstrip(".") in WEEKDAYS and len(words) > 1:
        text = " ".join(words[1:])
    try:
        if match := _DMY.match(text):
            day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
            if len(match.group(3)) == 2:
                year += 2000
            return datetime.date(year, month, day)
        if match := _YMD.match(text):
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := _TEXT_DATE.match(text):
            month = MONTHS.get(match.group(2))
            if month:
                return datetime.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        pass
    raise CellError(
        _("'%(value)s' is geen datum die we kennen. Schrijf bijvoorbeeld 12-03-2027 of 12 maart 2027.")
        % {"value": clean_text(value)[:40]}
    )


def parse_time(value: Any) -> datetime.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime.timedelta):
        minutes = round(value.total_seconds() / 60)
        if 0 <= minutes < 24 * 60:
            return datetime.time(minutes // 60, minutes % 60)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return datetime.time(minutes // 60 % 24, minutes % 60)
    text = clean_text(value).casefold()
    if not text:
        return None
    if (match := _YMD.match(text)) and match.group(4):
        text = f"{match.group(4)}:{match.group(5)}"
    match = _TIME.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours < 24 and minutes < 60:
            return datetime.time(hours, minutes)
        if hours == 24 and minutes == 0:
            return datetime.time(23, 59)
    raise CellError(
        _("'%(value)s' is geen tijd die we kennen. Schrijf bijvoorbeeld 19:30 of 19.30.")
        % {"value": clean_text(value)[:40]}
    )


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = clean_text(value).casefold()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(_("Schrijf 'ja' of 'nee'."))


def parse_url(value: Any) -> str:
    text = clean_text(value)
    if text.casefold().startswith("www."):
        text = "https://" + text
    return text


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time).replace(tzinfo=AMSTERDAM)


@dataclass
class ParsedRow:
    """One data row: its spreadsheet row number, raw cells, model values and the problems found so far."""

    number: int
    raw: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)  # canonical column key -> messages
    match_key: tuple | None = None

    def add_error(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)


SINGLE_LINE_TEXT = ("external_id", "title", "location", "address", "city", "organiser", "audience")


def _parse_row(table: Table, number: int, raw: list[Any]) -> ParsedRow:
    row = ParsedRow(number, raw)

    def cell(key: str) -> Any:
        index = table.columns.get(key)
        if index is None or index >= len(raw):
            return None
        return raw[index]

    values = row.values
    for key in SINGLE_LINE_TEXT:
        values[key] = clean_text(cell(key))
    values["description"] = clean_text(cell("description"), multiline=True)
    for key in ("registration_url", "online_url"):
        values[key] = parse_url(cell(key))
    language = clean_text(cell("language")).casefold()
    values["language"] = LANGUAGE_WORDS.get(language, "other" if language else "nl")

    parsed: dict[str, Any] = {}
    for key, parser in (
        ("date", parse_date),
        ("end_date", parse_date),
        ("start_time", parse_time),
        ("end_time", parse_time),
        ("all_day", parse_bool),
    ):
        try:
            parsed[key] = parser(cell(key))
        except CellError as error:
            row.add_error(key, str(error))
            parsed[key] = None
    # A date cell that also carries a time (a datetime in XLSX/ODS, or "2027-03-12 19:30") counts as start time.
    date_cell = cell("date")
    if parsed.get("start_time") is None and "start_time" not in row.errors and parsed["date"] is not None:
        if isinstance(date_cell, datetime.datetime) and date_cell.time() != datetime.time():
            parsed["start_time"] = date_cell.time().replace(second=0, microsecond=0)
        elif isinstance(date_cell, str) and (match := _YMD.match(clean_text(date_cell))) and match.group(4):
            parsed["start_time"] = parse_time(f"{match.group(4)}:{match.group(5)}")

    day = parsed["date"]
    if day is None and "date" not in row.errors:
        row.add_error("date", _("De datum ontbreekt."))
    if not values["title"]:
        row.add_error("title", _("De titel ontbreekt."))
    start_time, end_time, end_day = parsed["start_time"], parsed["end_time"], parsed["end_date"]
    all_day = bool(parsed["all_day"]) or start_time is None
    if parsed["all_day"] and start_time is not None:
        all_day = True
    if start_time is None and end_time is not None and "start_time" not in row.errors:
        row.add_error("start_time", _("Er is een eindtijd maar geen begintijd."))
    values["all_day"] = all_day
    values["start"] = values["end"] = None
    if day is not None:
        values["start"] = aware(day, datetime.time() if all_day else start_time)
        if end_day is not None or end_time is not None:
            last_day = end_day or day
            values["end"] = aware(last_day, datetime.time(23, 59) if all_day else (end_time or start_time))
            if values["end"] < values["start"] and not row.errors.get("end_time") and not row.errors.get("end_date"):
                key = "end_time" if end_day is None or end_day == day else "end_date"
                row.add_error(key, _("Het einde ligt vóór het begin."))
        elif all_day:
            values["end"] = None
    if values["title"] and day is not None:
        if values["external_id"]:
            row.match_key = ("id", values["external_id"].lower())
        else:
            row.match_key = ("ttl", normalise_key(values["title"]), day.isoformat(), normalise_key(values["city"]))
    return row


# The resource ------------------------------------------------------------------------------------------------

IMPORT_FIELDS = [
    "external_id",
    "title",
    "start",
    "end",
    "all_day",
    "location",
    "address",
    "city",
    "organiser",
    "description",
    "registration_url",
    "online_url",
    "audience",
    "language",
]
# Model field -> the canonical column a problem with it belongs to.
FIELD_COLUMN = {name: name for name in IMPORT_FIELDS} | {"start": "date", "end": "end_time"}
ROW_INDEX = "__row"


class PassThroughWidget(widgets.Widget):
    """Values arrive parsed (dates as aware datetimes, text trimmed); the resource only assigns them."""

    def clean(self, value, row=None, **kwargs):
        return value

    def render(self, value, obj=None, **kwargs):
        return value


class EventResource(resources.ModelResource):
    """Imports parsed agenda rows: matches existing events, validates them and writes them in bulk."""

    def __init__(
        self,
        *,
        rows: list[ParsedRow],
        existing: dict[tuple, Event],
        snapshots: dict[int, dict[str, Any]],
        batch: ImportBatch | None = None,
    ):
        super().__init__()
        self.parsed_rows = rows
        self.existing = existing
        self.snapshots = snapshots
        self.batch = batch
        self.source_locale = Locale.objects.get(language_code=source_language())
        for name in IMPORT_FIELDS:
            self.fields[name].widget = PassThroughWidget()
        self._import_fields = super().get_import_fields()

    def get_import_fields(self):
        return self._import_fields

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged: an existing event whose imported fields all equal their values before the import."""
        if import_validation_errors or instance.pk is None:
            return False
        before = self.snapshots.get(instance.pk)
        return before is not None and all(before[name] == getattr(instance, name) for name in IMPORT_FIELDS)

    class Meta:
        model = Event
        fields = IMPORT_FIELDS
        import_id_fields = ["external_id"]
        use_bulk = True
        batch_size = CHUNK_SIZE
        skip_unchanged = True
        report_skipped = True
        skip_html_diff = True
        clean_model_instances = True
        store_instance = True
        # No deep copy and diff per row (they halve the speed): unchanged rows are found by comparing with the
        # snapshot taken of each matched event before the import (see skip_row).
        skip_diff = True

    def get_instance(self, instance_loader, row):
        parsed = self.parsed_rows[row[ROW_INDEX]]
        return self.existing.get(parsed.match_key) if parsed.match_key else None

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        parsed = self.parsed_rows[row[ROW_INDEX]]
        for key, messages in parsed.errors.items():
            errors.setdefault(_column_field(key), []).extend(ValidationError(m) for m in messages)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Uniqueness is decided by matching, never by one query per row. Dates, times, the all-day flag and the
        # language come out of our own parser already valid; full_clean still runs Event.clean (end >= start).
        errors = dict(import_validation_errors or {})
        exclude = [*errors, "all_day", "language"]
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        if self.batch is not None:
            instance.import_batch = self.batch
        if instance.pk is None:
            # Imports make Dutch originals; bulk_create sends no pre_save, where Wagtail would set the locale.
            instance.locale = self.source_locale

    def get_bulk_update_fields(self):
        return [*IMPORT_FIELDS, "import_batch", "updated_at"]

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        now = timezone.now()
        for instance in self.update_instances:
            instance.updated_at = now
        super().bulk_update(using_transactions, dry_run, raise_errors, batch_size=batch_size, result=result)


def _column_field(key: str) -> str:
    return {"date": "start", "start_time": "start", "end_time": "end", "end_date": "end", "all_day": "start"}.get(
        key, key
    )


class EventExportResource(resources.ModelResource):
    """The agenda as a spreadsheet with the import's Dutch headers, so an export can be edited and re-imported."""

    kenmerk = fields.Field(column_name="Kenmerk", attribute="external_id")
    titel = fields.Field(column_name="Titel", attribute="title")
    datum = fields.Field(column_name="Datum")
    begintijd = fields.Field(column_name="Begintijd")
    einddatum = fields.Field(column_name="Einddatum")
    eindtijd = fields.Field(column_name="Eindtijd")
    locatie = fields.Field(column_name="Locatie", attribute="location")
    adres = fields.Field(column_name="Adres", attribute="address")
    plaats = fields.Field(column_name="Plaats", attribute="city")
    organisatie = fields.Field(column_name="Organisatie", attribute="organiser")
    omschrijving = fields.Field(column_name="Omschrijving", attribute="description")
    website = fields.Field(column_name="Website", attribute="registration_url")
    online = fields.Field(column_name="Online link", attribute="online_url")
    doelgroep = fields.Field(column_name="Doelgroep", attribute="audience")
    taal = fields.Field(column_name="Taal", attribute="language")

    class Meta:
        model = Event
        fields = (
            "kenmerk",
            "titel",
            "datum",
            "begintijd",
            "einddatum",
            "eindtijd",
            "locatie",
            "adres",
            "plaats",
            "organisatie",
            "omschrijving",
            "website",
            "online",
            "doelgroep",
            "taal",
        )
        export_order = fields

    def dehydrate_datum(self, event: Event) -> str:
        return event.local_start.strftime("%d-%m-%Y")

    def dehydrate_begintijd(self, event: Event) -> str:
        return "" if event.all_day else event.local_start.strftime("%H:%M")

    def dehydrate_einddatum(self, event: Event) -> str:
        end = event.local_end
        return end.strftime("%d-%m-%Y") if end and end.date() != event.local_start.date() else ""

    def dehydrate_eindtijd(self, event: Event) -> str:
        end = event.local_end
        return "" if not end or event.all_day else end.strftime("%H:%M")

    def export_field(self, field, instance, **kwargs):
        return neutralise_formula(super().export_field(field, instance, **kwargs))


def export_events(queryset, file_format: str) -> bytes:
    """The events as CSV (UTF-8 with BOM, semicolons, as Dutch Excel expects) or XLSX, formulas neutralised."""
    dataset = EventExportResource().export(queryset=queryset)
    if file_format == "xlsx":
        return write_xlsx(dataset.headers, list(dataset))
    return write_csv(dataset.headers, list(dataset))


def _display(value: Any) -> Any:
    """Dates and times as a Dutch spreadsheet shows them, for text formats."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value, AMSTERDAM).strftime("%d-%m-%Y %H:%M")
            if timezone.is_aware(value)
            else (value.strftime("%d-%m-%Y %H:%M"))
        )
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return value


def write_csv(headers: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise_formula(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise_formula(_display(v)) for v in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")


def write_xlsx(headers: list[str], rows: Iterable[Iterable[Any]], *, example_note: str = "") -> bytes:
    """An XLSX workbook; every text cell is written as text (data type 's'), never as a formula."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Agenda"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = [neutralise_formula(v) if isinstance(v, str) else v for v in row]
        sheet.append([None if v is None else v for v in values])
        for cell in sheet[sheet.max_row]:
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


def template_xlsx() -> bytes:
    """The downloadable template: the Dutch headers and one example row."""
    headers = list(COLUMNS.values())
    example = {
        "Kenmerk": "LOS-2027-001",
        "Titel": "Regiobijeenkomst opvang",
        "Datum": datetime.date(2027, 3, 12),
        "Begintijd": datetime.time(19, 30),
        "Einddatum": None,
        "Eindtijd": datetime.time(21, 30),
        "Hele dag": "nee",
        "Locatie": "Buurthuis De Boog",
        "Adres": "Kanaalstraat 243",
        "Plaats": "Utrecht",
        "Organisatie": "Stichting LOS",
        "Omschrijving": "Ervaringen uitwisselen over opvang en zorg. Gratis, aanmelden niet nodig.",
        "Website": "https://www.stichtinglos.nl/agenda/",
        "Online link": None,
        "Doelgroep": "Vrijwilligers en hulpverleners",
        "Taal": "Nederlands",
    }
    return write_xlsx(headers, [[example[h] for h in headers]])


# Running an import -------------------------------------------------------------------------------------------


@dataclass
class Problem:
    """One thing wrong, as the volunteer should read it."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return _("Rij %(row)s, kolom %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Rij %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class PreviewRow:
    """What happens (or happened) to one row: new, changed, unchanged, invalid or duplicate."""

    number: int
    status: str
    title: str
    start: datetime.datetime | None
    city: str
    raw: list[Any]
    problems: list[Problem] = field(default_factory=list)
    changed_fields: list[str] = field(default_factory=list)
    event_id: int | None = None

    @property
    def problem_text(self) -> str:
        return "; ".join(f"{p.column}: {p.message}" if p.column else p.message for p in self.problems)


STATUS_LABELS = {
    "new": "nieuw",
    "changed": "gewijzigd",
    "unchanged": "ongewijzigd",
    "invalid": "fout",
    "duplicate": "dubbel",
}


@dataclass
class ImportReport:
    """The outcome of a preview (dry run) or an import, shared by the admin views and the command."""

    file_name: str
    dry_run: bool
    file_error: str = ""
    table: Table | None = None
    rows: list[PreviewRow] = field(default_factory=list)
    batch: ImportBatch | None = None
    written: bool = False

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUS_LABELS}

    @property
    def invalid_rows(self) -> list[PreviewRow]:
        return [row for row in self.rows if row.status == "invalid"]

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.invalid_rows

    @property
    def exit_code(self) -> int:
        if self.file_error:
            return 2
        return 1 if self.invalid_rows else 0

    def lines(self) -> list[str]:
        """The report as text (the command prints these; the admin shows the same in a table)."""
        if self.file_error:
            return [self.file_error]
        counts = self.counts
        lines = [
            _(
                "%(file)s: %(total)s rijen: %(new)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd, "
                "%(invalid)s met fouten, %(duplicate)s dubbel."
            )
            % {"file": self.file_name, "total": len(self.rows), **counts}
        ]
        if self.table and self.table.ignored_columns:
            lines.append(
                _("Deze kolommen worden niet gebruikt: %(columns)s.")
                % {"columns": ", ".join(self.table.ignored_columns)}
            )
        lines.extend(str(problem) for row in self.rows for problem in row.problems)
        return lines

    def rejected_rows(self) -> tuple[list[str], list[list[Any]]]:
        """Header and rows of every invalid row, as in the file plus a 'Probleem' column, for fixing."""
        headers = [*(self.table.headers if self.table else []), _("Probleem")]
        width = len(headers) - 1
        rows = []
        for row in self.invalid_rows:
            cells = (list(row.raw) + [None] * width)[:width]
            rows.append([*cells, row.problem_text])
        return headers, rows


def _load_existing(rows: list[ParsedRow]) -> dict[tuple, Event]:
    """Existing events each row could match, keyed like ParsedRow.match_key; a few queries for any file size."""
    ids = {row.match_key[1] for row in rows if row.match_key and row.match_key[0] == "id"}
    existing: dict[tuple, Event] = {}
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        for event in (
            Event.objects.originals()
            .annotate(external_key=Lower("external_id"))
            .filter(external_key__in=chunk)
            .order_by("pk")
        ):
            existing.setdefault(("id", event.external_id.lower()), event)
    days = [
        datetime.date.fromisoformat(row.match_key[2]) for row in rows if row.match_key and row.match_key[0] == "ttl"
    ]
    # Rows with a Kenmerk that no event has yet may still match an event entered without one.
    days += [row.values["start"].date() for row in rows if row.match_key and row.match_key[0] == "id"]
    if days:
        first = aware(min(days), datetime.time()) - datetime.timedelta(days=1)
        last = aware(max(days), datetime.time()) + datetime.timedelta(days=2)
        window = Event.objects.originals().filter(start__gte=first, start__lt=last)
        for event in window.order_by("pk").iterator(chunk_size=2000):
            key = (
                "ttl",
                normalise_key(event.title),
                event.local_start.date().isoformat(),
                normalise_key(event.city),
            )
            existing.setdefault(key, event)
    # Fallback for rows with an unknown Kenmerk: the title/date/city match of an event without a Kenmerk.
    for row in rows:
        if row.match_key and row.match_key[0] == "id" and row.match_key not in existing:
            values = row.values
            fallback = existing.get(
                (
                    "ttl",
                    normalise_key(values["title"]),
                    values["start"].date().isoformat(),
                    normalise_key(values["city"]),
                )
            )
            if fallback is not None and not fallback.external_id:
                existing[row.match_key] = fallback
    return existing


def _comparable(row: ParsedRow) -> tuple:
    """A row's values as matching sees them: a repeat that differs only in case or spacing is the same row."""
    return tuple(
        normalise_key(value) if isinstance(value, str) else value
        for value in (row.values.get(name) for name in IMPORT_FIELDS)
    )


def analyse_file(data: bytes, file_name: str) -> tuple[Table | None, list[ParsedRow], str]:
    """Read and parse a file. Returns (table, parsed rows, file error message)."""
    try:
        table = read_table(data, file_name)
    except UnusableFile as error:
        return None, [], str(error)
    rows = [_parse_row(table, number, raw) for number, raw in table.rows]
    if not rows:
        return table, [], _("Het bestand bevat een kopregel maar geen activiteiten.")
    return table, rows, ""


def _snapshot(event: Event) -> dict[str, Any]:
    values = {name: getattr(event, name) for name in IMPORT_FIELDS}
    values["import_batch"] = event.import_batch_id
    values["published"] = event.published
    # Stored in a JSONField with DjangoJSONEncoder: datetimes become ISO strings, restored by undo_import.
    return values


def run_import(
    data: bytes,
    file_name: str,
    *,
    dry_run: bool,
    user=None,
    source: str = "admin",
    batch: ImportBatch | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Preview (dry_run=True) or import a file. Nothing is written unless every row is valid.

    With dry_run=False a finished ImportBatch is returned in the report (an existing `batch`, as the background
    task passes, is filled in). Progress is reported as (rows done, rows total) after each chunk.
    """
    with translation.override("nl"):
        report = ImportReport(file_name=file_name, dry_run=dry_run)
        table, rows, error = analyse_file(data, file_name)
        report.table = table
        if error:
            report.file_error = error
            return report
        with transaction.atomic():
            _run(report, rows, dry_run=dry_run, user=user, source=source, batch=batch, progress=progress)
            if dry_run or not report.ok:
                transaction.set_rollback(True)
                report.batch = None if batch is None else report.batch
                report.written = False
            else:
                report.written = True
                ids = [row.event_id for row in report.rows if row.status in ("new", "changed") and row.event_id]
                transaction.on_commit(lambda: _after_commit(ids))
        return report


def _run(
    report: ImportReport,
    rows: list[ParsedRow],
    *,
    dry_run: bool,
    user,
    source: str,
    batch: ImportBatch | None,
    progress: Callable[[int, int], None] | None,
) -> None:
    # Duplicates within the file: the first occurrence counts; an identical repeat is reported and skipped,
    # a repeat with different values is an error (which of the two is right?).
    first_by_key: dict[tuple, ParsedRow] = {}
    importable: list[ParsedRow] = []
    duplicates: dict[int, PreviewRow] = {}
    for row in rows:
        if row.match_key and not row.errors:
            first = first_by_key.get(row.match_key)
            if first is not None:
                same = _comparable(first) == _comparable(row)
                label = _("kenmerk") if row.match_key[0] == "id" else _("titel, datum en plaats")
                if same:
                    message = _("Deze rij staat dubbel in het bestand (zelfde %(what)s als rij %(row)s).") % {
                        "what": label,
                        "row": first.number,
                    }
                    status = "duplicate"
                else:
                    message = _(
                        "Zelfde %(what)s als rij %(row)s, maar met andere gegevens. Houd één van de twee over."
                    ) % {"what": label, "row": first.number}
                    status = "invalid"
                column = "external_id" if row.match_key[0] == "id" else "title"
                duplicates[row.number] = PreviewRow(
                    number=row.number,
                    status=status,
                    title=row.values["title"],
                    start=row.values["start"],
                    city=row.values["city"],
                    raw=row.raw,
                    problems=[Problem(row.number, report.table.column_name(column), message)],
                )
                continue
            first_by_key[row.match_key] = row
        importable.append(row)

    existing = _load_existing(importable)
    # Two different rows that resolve to the same existing event (say one by Kenmerk, one by title, date and
    # place) would overwrite each other: the second is an error.
    claimed: dict[int, ParsedRow] = {}
    kept: list[ParsedRow] = []
    for row in importable:
        event = existing.get(row.match_key) if row.match_key else None
        if event is not None and event.pk in claimed:
            message = _("Deze rij en rij %(row)s horen bij dezelfde activiteit. Houd één van de twee over.") % {
                "row": claimed[event.pk].number
            }
            duplicates[row.number] = _preview(
                report, row, "invalid", [Problem(row.number, report.table.column_name("title"), message)]
            )
            continue
        if event is not None:
            claimed[event.pk] = row
        kept.append(row)
    importable = kept
    if not dry_run:
        if batch is None:
            batch = ImportBatch.objects.create(user=user, file_name=file_name_for(report.file_name), source=source)
        batch.status = ImportBatch.Status.RUNNING
        batch.total_rows = len(rows)
    snapshots = {event.pk: _snapshot(event) for event in {id(e): e for e in existing.values()}.values()}
    resource = EventResource(rows=importable, existing=existing, snapshots=snapshots, batch=batch)
    results: dict[int, PreviewRow] = dict(duplicates)
    done = len(duplicates)
    for start in range(0, len(importable), CHUNK_SIZE):
        chunk = importable[start : start + CHUNK_SIZE]
        dataset = tablib.Dataset(headers=[*IMPORT_FIELDS, ROW_INDEX])
        for offset, row in enumerate(chunk):
            dataset.append([*(row.values.get(name) for name in IMPORT_FIELDS), start + offset])
        result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True, raise_errors=False)
        if result.has_errors():
            # An unexpected error (a database problem, not bad input): name it, write nothing.
            for number, errors in result.row_errors():
                row = chunk[number - 1]
                results[row.number] = _preview(report, row, "invalid", [Problem(row.number, "", str(errors[0].error))])
            for error in result.base_errors:
                report.file_error = _("De import is mislukt: %(error)s") % {"error": error.error}
        for index, row_result in enumerate(result.rows):
            row = chunk[index]
            if row.number in results:
                continue
            results[row.number] = _row_outcome(report, row, row_result, snapshots)
        done += len(chunk)
        if progress is not None:
            progress(done, len(rows))
    report.rows = [results[row.number] for row in rows]

    if not dry_run and report.ok and batch is not None:
        batch.created_ids = [row.event_id for row in report.rows if row.status == "new"]
        batch.previous_values = {
            str(row.event_id): snapshots[row.event_id]
            for row in report.rows
            if row.status == "changed" and row.event_id in snapshots
        }
        batch.created_count = report.count("new")
        batch.updated_count = report.count("changed")
        batch.unchanged_count = report.count("unchanged") + report.count("duplicate")
        batch.processed_rows = len(rows)
        batch.status = ImportBatch.Status.DONE
        batch.finished_at = timezone.now()
        batch.save()
        report.batch = batch


def file_name_for(name: str) -> str:
    return clean_text(name)[:255] or "bestand"


def _preview(report: ImportReport, row: ParsedRow, status: str, problems: list[Problem]) -> PreviewRow:
    return PreviewRow(
        number=row.number,
        status=status,
        title=row.values.get("title", ""),
        start=row.values.get("start"),
        city=row.values.get("city", ""),
        raw=row.raw,
        problems=problems,
    )


def _row_outcome(report: ImportReport, row: ParsedRow, row_result, snapshots: dict[int, dict]) -> PreviewRow:
    import_type = row_result.import_type
    if row_result.validation_error is not None or import_type in ("invalid", "error"):
        problems = []
        error = row_result.validation_error
        seen: set[tuple[str, str]] = set()
        if error is not None:
            # Our own parse errors carry the column the volunteer used; model errors are mapped from the field.
            for key, messages in row.errors.items():
                for message in messages:
                    seen.add((_column_field(key), message))
                    problems.append(Problem(row.number, report.table.column_name(key), message))
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    if (field_name, message) in seen:
                        continue
                    column = FIELD_COLUMN.get(field_name)
                    label = report.table.column_name(column) if column in COLUMNS else ""
                    problems.append(Problem(row.number, label, message))
        for err in row_result.errors:
            problems.append(Problem(row.number, "", str(err.error)))
        return _preview(report, row, "invalid", problems)
    status = {"new": "new", "update": "changed", "skip": "unchanged"}.get(import_type, "unchanged")
    preview = _preview(report, row, status, [])
    instance = row_result.instance
    if instance is not None:
        preview.event_id = instance.pk
    if status == "changed" and instance is not None and instance.pk in snapshots:
        before = Event(**{name: snapshots[instance.pk][name] for name in IMPORT_FIELDS})
        preview.changed_fields = _changed_columns(before, instance)
    return preview


def _changed_columns(before: Event, after: Event) -> list[str]:
    """The columns (by their Dutch names) whose value an update changes."""
    changed: list[str] = []
    for name in IMPORT_FIELDS:
        old, new = getattr(before, name), getattr(after, name)
        if old == new:
            continue
        if name in ("start", "end"):
            old_local = timezone.localtime(old, AMSTERDAM) if old else None
            new_local = timezone.localtime(new, AMSTERDAM) if new else None
            date_key, time_key = ("date", "start_time") if name == "start" else ("end_date", "end_time")
            if (old_local and old_local.date()) != (new_local and new_local.date()):
                changed.append(COLUMNS[date_key])
            if (old_local and old_local.time()) != (new_local and new_local.time()):
                changed.append(COLUMNS[time_key])
        else:
            changed.append(COLUMNS.get(FIELD_COLUMN[name], name))
    return list(dict.fromkeys(changed))


def _after_commit(ids: list[int]) -> None:
    """Side effects of a committed import: bulk writes skip signals, so the search index is updated here."""
    if not ids:
        return
    from events.tasks import reindex_events

    reindex_events.enqueue(ids)


# Undo --------------------------------------------------------------------------------------------------------


class UndoNotPossible(Exception):
    """This import cannot be undone (already undone, not finished, or a later import changed the same events)."""


def undo_blocker(batch: ImportBatch) -> str:
    """Why `batch` cannot be undone, or '' when it can."""
    if batch.status != ImportBatch.Status.DONE:
        return _("Alleen een afgeronde import kan ongedaan worden gemaakt.")
    later = ImportBatch.objects.filter(status=ImportBatch.Status.DONE, pk__gt=batch.pk)
    touched = batch.touched_ids
    for other in later:
        if touched & other.touched_ids:
            return _("Een latere import (%(file)s) heeft dezelfde activiteiten gewijzigd. Maak die eerst ongedaan.") % {
                "file": other.file_name
            }
    return ""


def undo_import(batch: ImportBatch, *, user=None) -> tuple[int, int]:
    """Remove the events `batch` created and restore those it changed. Returns (removed, restored)."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        blocker = undo_blocker(batch)
        if blocker:
            raise UndoNotPossible(blocker)
        removed, deleted_ids = _delete_events([int(pk) for pk in batch.created_ids])
        restored: list[Event] = []
        for event in Event.objects.filter(pk__in=[int(pk) for pk in batch.previous_values]):
            previous = batch.previous_values[str(event.pk)]
            for name in IMPORT_FIELDS:
                value = previous.get(name)
                if name in ("start", "end") and isinstance(value, str):
                    value = parse_datetime(value)
                setattr(event, name, value)
            event.import_batch_id = previous.get("import_batch")
            restored.append(event)
        Event.objects.bulk_update(restored, [*IMPORT_FIELDS, "import_batch"], batch_size=CHUNK_SIZE)
        batch.status = ImportBatch.Status.UNDONE
        batch.undone_at = timezone.now()
        batch.undone_by = user
        batch.save()
        ids = [event.pk for event in restored]
        transaction.on_commit(lambda: _after_undo(ids, deleted_ids))
    return removed, len(restored)


def _delete_events(ids: list[int]) -> tuple[int, list[int]]:
    """Delete events and their translations in bulk. QuerySet.delete() would load every event and send a signal
    per row (the search index listens), which takes minutes for a big import; the index is updated afterwards by
    a task. Returns the number of events removed (translations not counted) and the ids of every row deleted."""
    from django.db import router

    removed = 0
    deleted: list[int] = []
    using = router.db_for_write(Event)
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = ids[start : start + CHUNK_SIZE]
        keys = Event.objects.filter(pk__in=chunk).values("translation_key")
        translations = list(
            Event.objects.filter(translation_key__in=keys).exclude(pk__in=chunk).values_list("pk", flat=True)
        )
        rows = [*chunk, *translations]
        Event.themes.through.objects.filter(event_id__in=rows).delete()
        Event.objects.filter(pk__in=translations)._raw_delete(using)
        removed += Event.objects.filter(pk__in=chunk)._raw_delete(using)
        deleted += rows
    return removed, deleted


def _after_undo(restored_ids: list[int], deleted_ids: list[int]) -> None:
    from events.tasks import reindex_events

    reindex_events.enqueue(restored_ids, deleted_ids)


__all__ = [
    "BACKGROUND_THRESHOLD",
    "COLUMNS",
    "EventExportResource",
    "EventResource",
    "ImportReport",
    "UnusableFile",
    "export_events",
    "read_table",
    "run_import",
    "template_xlsx",
    "undo_import",
]
