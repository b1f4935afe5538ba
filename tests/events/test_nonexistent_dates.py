"""A date in a known form that is not in the calendar gets its own message (issue 16), not "unknown form"; so does
a year outside 1900-2100 (a typo such as 0001 or 9999)."""

from __future__ import annotations

import datetime

import pytest

from events.importing.engine import run_import
from spreadsheets.parsing import CellError, parse_date


@pytest.mark.parametrize(
    "value", ["31-02-2027", "29-02-2027", "31/04/2027", "12-13-2027", "2027-02-30", "30 februari 2027"]
)
def test_a_date_that_does_not_exist_is_named_as_such(value):
    with pytest.raises(CellError, match="bestaat niet"):
        parse_date(value)


def test_an_unknown_form_keeps_its_own_message():
    with pytest.raises(CellError, match="geen datum die we kennen"):
        parse_date("volgende week")


def test_a_leap_day_that_exists_is_a_date():
    assert parse_date("29-02-2028").isoformat() == "2028-02-29"


@pytest.mark.parametrize("value", ["01-01-0001", "31-12-9999", "30-12-9999", "0001-01-01", "12 maart 1850"])
def test_a_year_no_agenda_or_register_holds_is_named(value):
    with pytest.raises(CellError, match="ligt niet tussen 1900 en 2100. Controleer het jaar"):
        parse_date(value)


def test_a_date_cell_in_year_9999_is_named_too():
    with pytest.raises(CellError, match="ligt niet tussen"):
        parse_date(datetime.datetime(9999, 12, 31, 19, 30))  # noqa: DTZ001 - a spreadsheet cell has no zone


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["01-01-0001", "31-12-9999"])
def test_the_agenda_preview_lists_such_a_row_as_a_problem(day):
    """The day before the first and after the last date of the import is looked up: from year 1 or 9999 that
    overflowed, and the preview answered 500."""
    data = f"Titel;Datum\r\nSpreekuur;12-03-2027\r\nTikfout;{day}\r\n".encode()
    report = run_import(data, "jaartal.csv", dry_run=True)
    assert [(p.row, p.column) for p in report.problems] == [(3, "Datum")]
    assert "Controleer het jaar" in report.problems[0].message
