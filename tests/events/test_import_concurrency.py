"""Issue 24, on PostgreSQL: imports and undos of the agenda run one at a time. Two simultaneous confirmations of
the same file give one event per Kenmerk (a lock, an idempotent confirmation and a unique constraint); an undo is
refused while another import holds the agenda; the migration merges copies made before the constraint existed.

The threads commit for real (each has its own connection), so every test removes what it wrote."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from events.importing import UndoNotPossible, run_import, undo_import
from events.importing.engine import AGENDA_LOCK
from events.models import Event, ImportBatch
from tests.concurrency import in_threads, lock_held_elsewhere

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrency needs PostgreSQL"),
]

ROWS = 50
FILE = "Kenmerk;Titel;Datum;Begintijd;Plaats\r\n" + "".join(
    f"C-{n};Bijeenkomst {n};{1 + n % 28:02d}-04-2027;19:30;Utrecht\r\n" for n in range(ROWS)
)


def _clean_up():
    """Remove what the threads committed (the test's own transaction cannot roll it back)."""

    def remove():
        Event.objects.filter(external_id__startswith="C-").delete()
        ImportBatch.objects.filter(file_name__startswith="gelijktijdig").delete()

    in_threads(remove)


@pytest.fixture
def committed():
    yield
    _clean_up()


def test_two_simultaneous_confirmations_of_one_upload_import_it_once(committed):
    data = FILE.encode()
    first, second = in_threads(
        lambda: run_import(data, "gelijktijdig.csv", dry_run=False, upload="events-import/dubbelklik.csv"),
        lambda: run_import(data, "gelijktijdig.csv", dry_run=False, upload="events-import/dubbelklik.csv"),
    )
    reports = sorted([first, second], key=lambda report: report.earlier is not None)
    assert reports[0].written and reports[0].count("new") == ROWS
    assert reports[1].earlier is not None and not reports[1].written  # the second click found the first import
    assert Event.objects.filter(external_id__startswith="C-").count() == ROWS
    assert ImportBatch.objects.filter(file_name="gelijktijdig.csv").count() == 1


def test_two_volunteers_importing_the_same_file_at_once_give_one_event_per_kenmerk(committed):
    data = FILE.encode()
    first, second = in_threads(
        lambda: run_import(data, "gelijktijdig-a.csv", dry_run=False),
        lambda: run_import(data, "gelijktijdig-b.csv", dry_run=False),
    )
    assert first.written and second.written
    assert sorted([first.count("new"), second.count("new")]) == [0, ROWS]  # the second found the first's events
    assert Event.objects.filter(external_id__startswith="C-").count() == ROWS


def test_undo_is_refused_while_another_import_holds_the_agenda(committed):
    data = FILE.encode()
    [report] = in_threads(lambda: run_import(data, "gelijktijdig.csv", dry_run=False))
    with lock_held_elsewhere(AGENDA_LOCK):
        [refused] = in_threads(lambda: undo_import(ImportBatch.objects.get(pk=report.batch.pk)))
    assert isinstance(refused, UndoNotPossible) and "andere import" in str(refused)
    assert Event.objects.filter(external_id__startswith="C-").count() == ROWS  # nothing undone


def test_the_migration_merges_copies_and_then_forbids_them():
    """Copies made before the constraint (two imports at once): the one changed last stays, with the themes of
    the others; afterwards the database refuses a second event with the same Kenmerk in a language."""
    import importlib

    from django.apps import apps
    from django.db import IntegrityError

    from home.models import Theme
    from tests.factories.events import EventFactory

    migration = importlib.import_module("events.migrations.0008_one_event_per_kenmerk")
    constraint = next(c for c in Event._meta.constraints if c.name == "events_event_one_per_kenmerk_and_language")
    with connection.schema_editor() as editor:
        editor.remove_constraint(Event, constraint)
    stale = EventFactory(external_id="DUP-1", title="Oud")
    stale.themes.add(Theme.objects.first())
    fresh = EventFactory(external_id="dup-1", title="Verbeterd")
    Event.objects.filter(pk=stale.pk).update(updated_at=fresh.updated_at.replace(year=2020))
    with connection.schema_editor() as editor:
        migration.merge_copies(apps, editor)
        editor.add_constraint(Event, constraint)
    survivor = Event.objects.get(external_id__iexact="dup-1")
    assert survivor.pk == fresh.pk and survivor.title == "Verbeterd"
    assert list(survivor.themes.all()) == [Theme.objects.first()]
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(external_id="DUP-1")
