"""Issue 24, imports: a re-import changes only the columns the file has (an absent column is not an empty one),
times that do not exist or repeat on daylight-saving nights get their own message, and 00:00 or 24:00 as the end
of an evening means midnight in every file format."""

from __future__ import annotations

import datetime
import io

import pytest

from events.importing import run_import
from events.models import AMSTERDAM, Event
from spreadsheets.writers import write_xlsx

pytestmark = pytest.mark.django_db

FULL = (
    b"Kenmerk;Titel;Datum;Begintijd;Eindtijd;Locatie;Adres;Plaats;Organisatie;Omschrijving;Website;Doelgroep;Taal\r\n"
    b"P-1;Spreekuur;12-03-2027;19:30;21:30;Wereldhuis;Kanaalstraat 1;Utrecht;LOS;Over opvang;"
    b"https://example.org/p1;Vrijwilligers;Engels\r\n"
)


def _problems(report) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in report.problems]


def test_a_partial_column_re_import_leaves_the_other_fields_alone():
    assert run_import(FULL, "volledig.csv", dry_run=False).exit_code == 0
    before = Event.objects.get(external_id="P-1")
    partial = b"Kenmerk;Titel;Datum;Begintijd;Plaats\r\nP-1;Spreekuur;12-03-2027;20:00;Utrecht\r\n"

    preview = run_import(partial, "tijd.csv", dry_run=True)
    [row] = preview.rows
    assert row.status == "changed"
    assert row.changed_fields == ["Begintijd"]  # not "every column the file lacks"
    assert row.cleared_fields == []
    assert any("Locatie" in line and "ongewijzigd" in line for line in preview.lines())

    assert run_import(partial, "tijd.csv", dry_run=False).exit_code == 0
    after = Event.objects.get(external_id="P-1")
    assert after.start == datetime.datetime(2027, 3, 12, 20, 0, tzinfo=AMSTERDAM)
    assert after.end == before.end == datetime.datetime(2027, 3, 12, 21, 30, tzinfo=AMSTERDAM)
    for name in ("location", "address", "organiser", "description", "registration_url", "audience"):
        assert getattr(after, name) == getattr(before, name), name
    assert after.language == "en"
    assert not after.all_day


def test_a_new_date_without_end_columns_moves_the_end_along():
    run_import(FULL, "volledig.csv", dry_run=False)
    run_import(b"Kenmerk;Titel;Datum\r\nP-1;Spreekuur;19-03-2027\r\n", "datum.csv", dry_run=False)
    event = Event.objects.get(external_id="P-1")
    assert (event.local_start.day, event.local_start.time()) == (19, datetime.time(19, 30))
    assert event.local_end == datetime.datetime(2027, 3, 19, 21, 30, tzinfo=AMSTERDAM)


def test_an_empty_cell_in_a_present_column_empties_it_and_the_preview_says_so():
    run_import(FULL, "volledig.csv", dry_run=False)
    data = b"Kenmerk;Titel;Datum;Begintijd;Locatie\r\nP-1;Spreekuur;12-03-2027;19:30;\r\n"
    [row] = run_import(data, "leeg.csv", dry_run=True).rows
    assert row.changed_fields == ["Locatie"] and row.cleared_fields == ["Locatie"]
    run_import(data, "leeg.csv", dry_run=False)
    event = Event.objects.get(external_id="P-1")
    assert event.location == "" and event.address == "Kanaalstraat 1"


def test_a_row_without_a_kenmerk_column_keeps_the_events_kenmerk():
    run_import(FULL, "volledig.csv", dry_run=False)
    run_import(b"Titel;Datum;Begintijd;Plaats\r\nSpreekuur;12-03-2027;19:45;Utrecht\r\n", "t.csv", dry_run=False)
    event = Event.objects.get(title="Spreekuur")
    assert event.external_id == "P-1" and event.local_start.time() == datetime.time(19, 45)


# Daylight saving ---------------------------------------------------------------------------------------------


def test_the_spring_forward_hour_gets_its_own_message():
    data = b"Titel;Datum;Begintijd;Eindtijd\r\nNachtdienst;28-03-2027;02:30;03:30\r\nKort;28-03-2027;01:30;02:15\r\n"
    report = run_import(data, "zomertijd.csv", dry_run=True)
    problems = _problems(report)
    assert problems[0][:2] == (2, "Begintijd") and "bestaat niet op 28-03-2027" in problems[0][2]
    assert problems[1][:2] == (3, "Eindtijd") and "02:15 bestaat niet" in problems[1][2]
    assert not any("vóór het begin" in p[2] for p in problems)


def test_the_repeated_autumn_hour_gets_its_own_message():
    report = run_import(b"Titel;Datum;Begintijd\r\nNachtdienst;31-10-2027;02:30\r\n", "wintertijd.csv", dry_run=True)
    [(row, column, message)] = _problems(report)
    assert (row, column) == (2, "Begintijd") and "twee keer" in message


def test_an_evening_across_the_clock_change_keeps_its_real_length():
    data = b"Titel;Datum;Begintijd;Eindtijd\r\nFeest;27-03-2027;22:00;24:00\r\n"
    run_import(data, "feest.csv", dry_run=False)
    event = Event.objects.get(title="Feest")
    assert event.local_end == datetime.datetime(2027, 3, 28, 0, 0, tzinfo=AMSTERDAM)


# Midnight as the end of an evening -----------------------------------------------------------------------------


def _ods(end_cell) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Agenda")
    for cells in (["Titel", "Datum", "Begintijd", "Eindtijd"], ["Avond", "12-03-2027", "20:00", end_cell]):
        row = TableRow()
        for value in cells:
            if isinstance(value, tuple):
                cell = TableCell(valuetype="time", timevalue=value[0])
                cell.addElement(P(text=value[1]))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("csv 00:00", b"Titel;Datum;Begintijd;Eindtijd\r\nAvond;12-03-2027;20:00;00:00\r\n"),
        ("csv 24:00", b"Titel;Datum;Begintijd;Eindtijd\r\nAvond;12-03-2027;20:00;24:00\r\n"),
        ("csv 24.00 uur", b"Titel;Datum;Begintijd;Eindtijd\r\nAvond;12-03-2027;20:00;24.00 uur\r\n"),
        (
            "xlsx 00:00",
            write_xlsx(
                ["Titel", "Datum", "Begintijd", "Eindtijd"],
                [["Avond", datetime.date(2027, 3, 12), datetime.time(20), datetime.time(0)]],
            ),
        ),
        (
            "xlsx 24:00",
            write_xlsx(
                ["Titel", "Datum", "Begintijd", "Eindtijd"],
                [["Avond", datetime.date(2027, 3, 12), datetime.time(20), datetime.timedelta(days=1)]],
            ),
        ),
        ("ods 00:00", _ods(("PT00H00M00S", "00:00"))),
        ("ods 24:00", _ods(("PT24H00M00S", "24:00"))),
    ],
)
def test_midnight_as_the_end_of_an_evening_in_every_format(name, data):
    report = run_import(data, "avond", dry_run=False)
    assert report.exit_code == 0, report.lines()
    event = Event.objects.get(title="Avond")
    assert event.local_start == datetime.datetime(2027, 3, 12, 20, 0, tzinfo=AMSTERDAM)
    assert event.local_end == datetime.datetime(2027, 3, 13, 0, 0, tzinfo=AMSTERDAM)


def test_24_00_is_no_start_time():
    report = run_import(b"Titel;Datum;Begintijd\r\nNacht;12-03-2027;24:00\r\n", "n.csv", dry_run=True)
    [(_row, column, message)] = _problems(report)
    assert column == "Begintijd" and "24:00 kan alleen een eindtijd zijn" in message
