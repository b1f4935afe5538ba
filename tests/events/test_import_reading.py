"""The import engine reads what volunteers' programs write: every format, encoding, delimiter and quirk, from the
real files in tests/fixtures/events/ (made by make_fixtures.py the way the programs make them)."""

from __future__ import annotations

import datetime

import pytest

from events.importing import run_import
from events.importing.columns import AGENDA_COLUMNS
from events.models import AMSTERDAM, Event
from spreadsheets.parsing import CellError, clean_text, parse_date, parse_time
from spreadsheets.reading import decode_text, read_table, sniff_delimiter
from tests.events.conftest import fixture_bytes

pytestmark = pytest.mark.django_db

FORMAT_FILES = [
    "agenda_utf8_comma.csv",  # UTF-8 without BOM, comma, jjjj-mm-dd
    "agenda_excel_utf8_bom_semicolon.csv",  # UTF-8 BOM, semicolon, dd-mm-jjjj and 19.30, title above header
    "agenda_excel_cp1252_semicolon.csv",  # Windows-1252, semicolon, d-m-jj
    "agenda_excel_unicode.txt",  # Excel "Unicode text": UTF-16 LE with BOM, tab
    "agenda_english_headers.tsv",  # tab, English headers in odd case/spacing, "12 maart 2027"
    "agenda.xlsx",  # real date/time cells, title rows, 3,000 phantom rows, untrimmed title
    "agenda.ods",  # LibreOffice: date/time cells, a million repeated phantom rows
]


def at(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize("name", FORMAT_FILES)
def test_every_format_imports_the_same_three_events(name):
    before = Event.objects.count()
    report = run_import(fixture_bytes(name), name, dry_run=False)
    assert report.exit_code == 0, report.lines()
    assert [row.status for row in report.rows] == ["new", "new", "new"]
    assert Event.objects.count() == before + 3

    a = Event.objects.get(title="Regiobijeenkomst opvang")  # trimmed
    assert a.start == at(2027, 3, 12, 19, 30) and a.end == at(2027, 3, 12, 21, 30)
    assert not a.all_day
    assert (a.location, a.city) == ("Buurthuis De Boog", "Utrecht")
    assert a.registration_url == "https://www.stichtinglos.nl/agenda/"
    assert a.description == "Ervaringen delen in het café."  # accents survive every encoding
    assert a.import_batch == report.batch

    b = Event.objects.get(external_id="LOS-2")
    assert b.title == "Spreekuur Crèche & zorg"
    assert b.start == at(2027, 4, 1, 14, 0) and b.end is None
    assert b.description == "=1+1 is geen formule"  # formula-like text is stored as text, not evaluated

    c = Event.objects.get(title="Landelijke dag")
    assert c.all_day and c.start == at(2027, 5, 15)
    assert c.end == at(2027, 5, 16, 23, 59)


@pytest.mark.parametrize("name", FORMAT_FILES)
def test_spreadsheet_row_numbers_are_those_the_program_shows(name):
    table = read_table(fixture_bytes(name), name, AGENDA_COLUMNS)
    first_data_row = {"agenda_excel_utf8_bom_semicolon.csv": 4, "agenda.xlsx": 4, "agenda.ods": 5}.get(name, 2)
    assert [number for number, _row in table.rows] == [first_data_row, first_data_row + 1, first_data_row + 2]
    assert table.header_row == first_data_row - 1


def test_phantom_rows_are_skipped_without_reading_them_all():
    table = read_table(fixture_bytes("agenda.ods"), "agenda.ods", AGENDA_COLUMNS)
    assert len(table.rows) == 3  # not a million
    table = read_table(fixture_bytes("agenda.xlsx"), "agenda.xlsx", AGENDA_COLUMNS)
    assert len(table.rows) == 3


def test_blank_rows_between_events_are_skipped():
    data = b"Titel;Datum\r\nEen;01-02-2027\r\n;\r\n\r\nTwee;02-02-2027\r\n"
    report = run_import(data, "gaten.csv", dry_run=True)
    assert [(row.number, row.status) for row in report.rows] == [(2, "new"), (5, "new")]


def test_encodings_are_detected():
    text = "Titel;Plaats\r\nCafé Crèche;Süd\r\n"
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1252")) == text
    assert decode_text(text.encode("utf-16")) == text  # with BOM
    assert decode_text(text.encode("utf-16-le")) == text  # without BOM


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_detected(delimiter):
    lines = ["Titel", "Datum", "Plaats"], ["Spreekuur, inloop", "12-03-2027", "Utrecht"], ["Debat", "13-03-2027", "Ede"]
    text = "\r\n".join(delimiter.join(f'"{v}"' if delimiter in v else v for v in line) for line in lines)
    assert sniff_delimiter(text) == delimiter


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12-03-2027", datetime.date(2027, 3, 12)),
        ("1-3-27", datetime.date(2027, 3, 1)),
        ("2027-03-12", datetime.date(2027, 3, 12)),
        ("12/03/2027", datetime.date(2027, 3, 12)),
        ("12 maart 2027", datetime.date(2027, 3, 12)),
        ("vrijdag 12 maart 2027", datetime.date(2027, 3, 12)),
        ("12 mrt. 2027", datetime.date(2027, 3, 12)),
        ("12 March 2027", datetime.date(2027, 3, 12)),
        (" 12-03-2027\xa0", datetime.date(2027, 3, 12)),
        (datetime.date(2027, 3, 12), datetime.date(2027, 3, 12)),
        (datetime.datetime(2027, 3, 12, 0, 0), datetime.date(2027, 3, 12)),  # noqa: DTZ001 - as openpyxl reads a cell
    ],
)
def test_date_notations(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31-02-2027", "12 maartje 2027", "morgen", "2027-13-01", "45000"])
def test_unknown_dates_are_errors(raw):
    with pytest.raises(CellError):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("19:30", datetime.time(19, 30)),
        ("19.30", datetime.time(19, 30)),
        ("9.05", datetime.time(9, 5)),
        ("19:30:00", datetime.time(19, 30)),
        ("19 uur", datetime.time(19, 0)),
        (datetime.time(19, 30), datetime.time(19, 30)),
        (datetime.datetime(1899, 12, 30, 19, 30), datetime.time(19, 30)),  # noqa: DTZ001 - as openpyxl reads a cell
        (0.8125, datetime.time(19, 30)),  # a time cell without a time format: a fraction of a day
    ],
)
def test_time_notations(raw, expected):
    assert parse_time(raw) == expected


def test_values_are_trimmed_and_formula_protection_is_undone():
    assert clean_text("  Spreekuur \u200b  Utrecht\xa0") == "Spreekuur Utrecht"
    assert clean_text("'=SOM(A1)") == "=SOM(A1)"  # the apostrophe our own export adds
    assert clean_text("'s-Hertogenbosch") == "'s-Hertogenbosch"  # a real apostrophe stays


def test_control_characters_are_left_out():
    """A bell or escape in a CSV cell went on into the agenda's calendar feed; Word's line break is white space."""
    assert clean_text("Spreek\x07uur\x1b in\x0bUtrecht\x00") == "Spreekuur in Utrecht"
    assert clean_text("Regel 1\x01\nRegel\x0c2", multiline=True) == "Regel 1\nRegel 2"


def test_date_cell_with_a_time_counts_as_start_time():
    data = b"Titel,Datum\r\nSpreekuur,2027-03-12 19:30\r\n"
    report = run_import(data, "datumtijd.csv", dry_run=False)
    assert report.exit_code == 0
    event = Event.objects.get(title="Spreekuur", start__year=2027)
    assert event.start == at(2027, 3, 12, 19, 30) and not event.all_day


def test_header_row_is_found_below_a_title_and_unknown_columns_are_named():
    data = "Agenda van het netwerk\r\n\r\nOpmerking intern;TITEL ;  datum;Plaats\r\nniet tonen;Debat;12-03-2027;Ede\r\n"
    report = run_import(data.encode(), "titel.csv", dry_run=True)
    assert report.exit_code == 0
    assert report.table.header_row == 3
    assert report.table.ignored_columns == ["Opmerking intern"]
    assert any("Opmerking intern" in line for line in report.lines())
