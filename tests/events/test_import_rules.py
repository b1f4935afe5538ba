"""Validation, matching, duplicates, unusable files, undo and the import_events command."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from events.importing import UndoNotPossible, run_import, undo_blocker, undo_import
from events.models import AMSTERDAM, Event, ImportBatch
from tests.events.conftest import FIXTURES, database_state, fixture_bytes
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def _problems(report) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in report.problems]


# Validation --------------------------------------------------------------------------------------------------


def test_every_validation_rule_is_reported_by_row_and_column_and_nothing_is_written():
    before = database_state()
    report = run_import(fixture_bytes("agenda_with_errors.xlsx"), "agenda_with_errors.xlsx", dry_run=False)
    assert report.exit_code == 1
    assert not report.written and report.batch is None
    assert database_state() == before  # the good row 2 was not written either
    problems = _problems(report)
    assert (3, "Titel", "De titel ontbreekt.") in problems
    assert (4, "Datum", "De datum ontbreekt.") in problems
    assert any(p[:2] == (5, "Datum") and "31-02-2027" in p[2] for p in problems)
    assert any(p[:2] == (6, "Begintijd") and "25:00" in p[2] for p in problems)
    assert (7, "Eindtijd", "Het einde ligt vóór het begin.") in problems
    assert any(p[:2] == (8, "Website") and "URL" in p[2] for p in problems)
    assert any(p[:2] == (9, "Titel") and "200" in p[2] for p in problems)  # field length
    assert [row.status for row in report.rows] == ["new"] + ["invalid"] * 7
    # Plain Dutch sentences naming row and column.
    assert "Rij 3, kolom Titel: De titel ontbreekt." in report.lines()


def test_end_date_before_start_date_names_the_end_date_column():
    data = b"Titel;Datum;Einddatum\r\nCursus;12-03-2027;10-03-2027\r\n"
    before = database_state()
    report = run_import(data, "e.csv", dry_run=False)
    assert _problems(report) == [(2, "Einddatum", "Het einde ligt vóór het begin.")]
    assert database_state() == before


def test_end_time_without_start_time_is_an_error():
    report = run_import(b"Titel;Datum;Eindtijd\r\nCursus;12-03-2027;21:00\r\n", "e.csv", dry_run=True)
    assert _problems(report) == [(2, "Begintijd", "Er is een eindtijd maar geen begintijd.")]


def test_online_link_must_be_a_url_and_www_gets_https():
    data = b"Titel;Datum;Online link;Website\r\nWebinar;12-03-2027;zoom;www.example.org/x\r\n"
    report = run_import(data, "e.csv", dry_run=True)
    assert [p[:2] for p in _problems(report)] == [(2, "Online link")]
    ok = run_import(b"Titel;Datum;Website\r\nWebinar;12-03-2027;www.example.org/x\r\n", "ok.csv", dry_run=False)
    assert ok.exit_code == 0
    assert Event.objects.get(title="Webinar").registration_url == "https://www.example.org/x"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_a_spreadsheet.pdf", "geen spreadsheet"),
        ("old_excel.xls", "oud Excel-bestand"),
        ("no_header.csv", "Geen kopregel gevonden"),
        ("missing_date_column.csv", "De kolom 'Datum' ontbreekt"),
        ("header_only.csv", "geen activiteiten"),
    ],
)
def test_unusable_files_get_one_clear_message(name, message):
    before = database_state()
    report = run_import(fixture_bytes(name), name, dry_run=False)
    assert report.exit_code == 2
    assert message in report.file_error
    assert report.lines() == [report.file_error]
    assert database_state() == before


def test_missing_title_column_is_named():
    report = run_import(b"Datum;Plaats;Begintijd\r\n12-03-2027;Ede;10:00\r\n", "x.csv", dry_run=True)
    assert report.file_error == "De kolom 'Titel' ontbreekt. Voeg een kolom met de kop 'Titel' toe."


def test_too_large_files_are_refused(settings, monkeypatch):
    from spreadsheets import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    rows = "".join(f"Rij {n};12-03-2027\r\n" for n in range(10))
    report = run_import(("Titel;Datum\r\n" + rows).encode(), "groot.csv", dry_run=True)
    assert report.exit_code == 2 and "meer dan 5 rijen" in report.file_error
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    report = run_import(b"Titel;Datum\r\n" + b"x" * 200, "groot.csv", dry_run=True)
    assert report.exit_code == 2 and "te groot" in report.file_error


def test_damaged_xlsx_is_unusable():
    data = fixture_bytes("agenda.xlsx")[:2000]
    report = run_import(data, "kapot.xlsx", dry_run=True)
    assert report.exit_code == 2


# Matching ----------------------------------------------------------------------------------------------------


def test_corrected_sheet_updates_instead_of_duplicating():
    first = run_import(fixture_bytes("matching_first.csv"), "matching_first.csv", dry_run=False)
    assert first.exit_code == 0 and first.count("new") == 3
    count = Event.objects.count()
    corrected = run_import(fixture_bytes("matching_corrected.csv"), "matching_corrected.csv", dry_run=False)
    assert corrected.exit_code == 0
    statuses = {row.number: row.status for row in corrected.rows}
    # Row 2: same title/date/city apart from case and spacing -> changed (start time 14:00 -> 14:30).
    # Row 3: same Kenmerk, new title and date -> changed. Row 4: identical -> unchanged. Row 5: new.
    assert statuses == {2: "changed", 3: "changed", 4: "unchanged", 5: "new"}
    assert Event.objects.count() == count + 1
    spreekuur = Event.objects.get(title__iexact="spreekuur utrecht")
    assert spreekuur.start == datetime.datetime(2027, 3, 12, 14, 30, tzinfo=AMSTERDAM)
    training = Event.objects.get(external_id="K-7")
    assert training.title == "Training medische zorg" and training.local_start.day == 21
    assert training.import_batch == corrected.batch
    unchanged = Event.objects.get(title="Debat", city="Amsterdam", start__year=2027)
    assert unchanged.import_batch == first.batch  # not touched
    assert "Begintijd" in next(row for row in corrected.rows if row.number == 2).changed_fields


def test_kenmerk_matches_case_insensitively_and_falls_back_to_title_date_city():
    manual = EventFactory(
        title="Spreekuur", start=datetime.datetime(2027, 3, 12, 14, tzinfo=AMSTERDAM), city="Utrecht", external_id=""
    )
    report = run_import(
        b"Kenmerk;Titel;Datum;Begintijd;Plaats\r\nNEW-1;Spreekuur;12-03-2027;15:00;Utrecht\r\n", "k.csv", dry_run=False
    )
    assert [row.status for row in report.rows] == ["changed"]
    manual.refresh_from_db()
    assert manual.external_id == "NEW-1"
    again = run_import(
        b"Kenmerk;Titel;Datum;Plaats\r\nnew-1;Spreekuur anders;13-03-2027;Utrecht\r\n", "k.csv", dry_run=False
    )
    assert [row.status for row in again.rows] == ["changed"]


def test_repeated_rows_in_one_file_are_reported_and_imported_once():
    report = run_import(fixture_bytes("duplicates_identical.csv"), "duplicates_identical.csv", dry_run=False)
    assert report.exit_code == 0
    assert [row.status for row in report.rows] == ["new", "duplicate", "new"]
    assert "staat dubbel" in report.rows[1].problems[0].message and "rij 2" in report.rows[1].problems[0].message
    assert Event.objects.filter(title__iexact="spreekuur", city__iexact="utrecht", start__year=2027).count() == 1


def test_conflicting_repeats_are_errors_and_nothing_is_written():
    before = database_state()
    report = run_import(fixture_bytes("duplicates.csv"), "duplicates.csv", dry_run=False)
    assert report.exit_code == 1
    assert [row.status for row in report.rows] == ["new", "duplicate", "new", "invalid"]
    assert list(report.invalid_rows[0].field_specific_errors) == ["Kenmerk"]  # the library's InvalidRow
    assert report.rows[3].problems[0].column == "Kenmerk"
    assert database_state() == before


def test_dry_run_writes_nothing():
    before = database_state()
    report = run_import(fixture_bytes("agenda.xlsx"), "agenda.xlsx", dry_run=True)
    assert report.exit_code == 0 and report.count("new") == 3
    assert database_state() == before


# Undo --------------------------------------------------------------------------------------------------------


def test_undo_removes_created_and_restores_changed_events():
    first = run_import(fixture_bytes("matching_first.csv"), "matching_first.csv", dry_run=False)
    training = Event.objects.get(external_id="K-7")
    original = (training.title, training.start, training.import_batch_id)
    second = run_import(fixture_bytes("matching_corrected.csv"), "matching_corrected.csv", dry_run=False)
    assert Event.objects.filter(title="Nieuwe bijeenkomst").exists()

    # The first import cannot be undone while a later one changed the same events: they are named.
    first_batch = ImportBatch.objects.get(pk=first.batch.pk)
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(first_batch)
    reasons = {change.pk: change.reason for change in refused.value.changes}
    assert reasons[training.pk] == "gewijzigd door een latere import (matching_corrected.csv)"

    batch = ImportBatch.objects.get(pk=second.batch.pk)  # fresh from the database (JSON round trip)
    removed, restored = undo_import(batch)
    assert (removed, restored) == (1, 2)
    assert not Event.objects.filter(title="Nieuwe bijeenkomst").exists()
    training.refresh_from_db()
    assert (training.title, training.start, training.import_batch_id) == original
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UNDONE and batch.undone_at
    assert undo_blocker(batch)  # not twice

    # Now the first import can be undone too, leaving the agenda as it was.
    undo_import(ImportBatch.objects.get(pk=first.batch.pk))
    assert not Event.objects.filter(external_id="K-7").exists()


def test_batch_records_who_when_file_and_counts(django_user_model):
    user = django_user_model.objects.create_user("vrijwilliger", password="x" * 16)
    report = run_import(fixture_bytes("agenda.ods"), "agenda.ods", dry_run=False, user=user)
    batch = report.batch
    assert (batch.user, batch.file_name, batch.created_count, batch.updated_count) == (user, "agenda.ods", 3, 0)
    assert batch.status == "done" and batch.finished_at and len(batch.created_ids) == 3


def test_side_effects_wait_for_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        run_import(fixture_bytes("agenda.xlsx"), "agenda.xlsx", dry_run=True)
    assert callbacks == []  # a preview never schedules anything
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run_import(fixture_bytes("agenda.xlsx"), "agenda.xlsx", dry_run=False)
    # The import's own follow-up, once; the cache's invalidation (caching/fragments.py) and the proxy purge it
    # queues (caching/purge.py) also wait for the commit.
    cache_callbacks = {"_replace_version", "queue_proxy_purge"}
    assert len([c for c in callbacks if c.__name__ not in cache_callbacks]) == 1


# The command -------------------------------------------------------------------------------------------------


def test_command_exit_codes(capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_events", str(FIXTURES / "agenda_with_errors.xlsx"))
    assert exit_info.value.code == 1
    assert "Rij 3, kolom Titel: De titel ontbreekt." in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_events", str(FIXTURES / "no_header.csv"))
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_events", str(FIXTURES / "bestaat-niet.csv"))
    assert exit_info.value.code == 2
    before = Event.objects.count()
    call_command("import_events", str(FIXTURES / "agenda.xlsx"), "--dry-run")
    assert Event.objects.count() == before
    call_command("import_events", str(FIXTURES / "agenda.xlsx"))  # exit 0: returns normally
    assert Event.objects.count() == before + 3
    assert ImportBatch.objects.latest("pk").source == "command"
