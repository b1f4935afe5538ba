"""On PostgreSQL: imports and undos of the quarterly figures run one at a time (`figures.importing.LOCK`, the
same mechanism as every other import). Two coordinators confirming the same quarter at once give one set of
figures, the second replacing the first's, instead of a database error; an undo is refused while an import runs.

The threads commit for real (each has its own connection), so the test removes what it wrote."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from figures.importing import LOCK, run_import, undo_import
from figures.models import FiguresImport, QuarterFigures
from spreadsheets.undo import UndoNotPossible
from tests.concurrency import in_threads, lock_held_elsewhere
from tests.figures.test_import import ROW, sheet

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL"),
]

FILE = sheet({**ROW, "shelter": "Opvang Arnhem", "year": 2031})


@pytest.fixture
def importer():
    """A member of LOS staff who sees every shelter, committed so the threads see them; removed with all they
    imported afterwards."""
    [user] = in_threads(lambda: get_user_model().objects.create(username="gelijktijdig", is_superuser=True))
    yield user

    def remove():
        QuarterFigures.objects.filter(year=2031).delete()
        FiguresImport.objects.filter(file_name__startswith="gelijktijdig").delete()
        get_user_model().objects.filter(username="gelijktijdig").delete()

    in_threads(remove)


def test_two_coordinators_confirming_the_same_quarter_at_once_give_one_set_of_figures(importer):
    first, second = in_threads(
        lambda: run_import(FILE, "gelijktijdig-a.csv", user=importer, dry_run=False),
        lambda: run_import(FILE, "gelijktijdig-b.csv", user=importer, dry_run=False),
    )
    assert first.batch is not None and second.batch is not None, (first.rows[0].problems, second.rows[0].problems)
    assert sorted([first.rows[0].status, second.rows[0].status]) == ["changed", "new"]  # the second saw the first's
    assert QuarterFigures.objects.filter(year=2031).count() == 1


def test_an_undo_is_refused_while_an_import_of_the_figures_runs(importer):
    [report] = in_threads(lambda: run_import(FILE, "gelijktijdig.csv", user=importer, dry_run=False))
    with lock_held_elsewhere(LOCK):
        [refused] = in_threads(lambda: undo_import(FiguresImport.objects.get(pk=report.batch.pk), user=importer))
    assert isinstance(refused, UndoNotPossible) and "andere import" in str(refused)
    assert QuarterFigures.objects.filter(year=2031).count() == 1  # nothing undone
