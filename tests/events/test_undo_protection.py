"""Issue 24 item 2 and issue 17 ("import undo"): undo never destroys later work. It is refused, naming the events
concerned, when a later import or a hand edit touched them, unless the user chooses to keep those; and while
another import runs. Concurrent cases on PostgreSQL are in test_import_concurrency.py."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from events.importing import UndoNotPossible, run_import, undo_blocker, undo_import
from events.models import AMSTERDAM, Event, ImportBatch

pytestmark = pytest.mark.django_db

FIRST = (
    b"Kenmerk;Titel;Datum;Begintijd;Plaats\r\n"
    b"U-1;Spreekuur;12-03-2027;19:30;Utrecht\r\n"
    b"U-2;Cursus;13-03-2027;10:00;Zwolle\r\n"
)


def _fresh(batch) -> ImportBatch:
    return ImportBatch.objects.get(pk=batch.pk)


def test_undo_after_a_hand_edit_is_refused_with_the_event_named():
    report = run_import(FIRST, "eerste.csv", dry_run=False)
    event = Event.objects.get(external_id="U-1")
    event.location = "Wereldhuis"  # a fix in the admin after the import
    event.save()
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(_fresh(report.batch))
    assert [(c.pk, c.reason) for c in refused.value.changes] == [(event.pk, "na de import met de hand gewijzigd")]
    assert Event.objects.filter(external_id__in=["U-1", "U-2"]).count() == 2  # nothing undone

    removed, restored = undo_import(_fresh(report.batch), keep_later_changes=True)
    assert (removed, restored) == (1, 0)
    assert Event.objects.get(external_id="U-1").location == "Wereldhuis"  # the hand edit kept
    assert not Event.objects.filter(external_id="U-2").exists()


def test_undo_of_an_import_that_finished_first_respects_one_that_finished_later():
    """The big import queued first and finished last: undoing the small one that finished earlier must not
    revert the big one's change (the order of finishing counts, not the order of queueing)."""
    run_import(FIRST, "eerste.csv", dry_run=False)
    big = ImportBatch.objects.create(file_name="groot.csv", status=ImportBatch.Status.QUEUED)  # queued first
    small = run_import(
        b"Kenmerk;Titel;Datum;Begintijd\r\nU-1;Spreekuur;12-03-2027;20:00\r\n", "klein.csv", dry_run=False
    ).batch
    assert "groot.csv" in undo_blocker(_fresh(small))  # refused while the big one waits or runs
    run_import(
        b"Kenmerk;Titel;Datum;Begintijd\r\nU-1;Spreekuur;12-03-2027;20:30\r\n", "groot.csv", dry_run=False, batch=big
    )
    assert undo_blocker(_fresh(small)) == ""
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(_fresh(small))
    assert refused.value.changes[0].reason == "gewijzigd door een latere import (groot.csv)"
    event = Event.objects.get(external_id="U-1")
    assert event.local_start.time() == datetime.time(20, 30)

    # Undoing the later one first, then the earlier one, walks back in order.
    undo_import(_fresh(big))
    assert Event.objects.get(external_id="U-1").local_start.time() == datetime.time(20, 0)
    undo_import(_fresh(small))
    assert Event.objects.get(external_id="U-1").start == datetime.datetime(2027, 3, 12, 19, 30, tzinfo=AMSTERDAM)


def test_the_undo_page_names_later_changes_and_asks_before_keeping_them(admin_client):
    report = run_import(FIRST, "eerste.csv", dry_run=False)
    event = Event.objects.get(external_id="U-2")
    event.description = "Met de hand aangevuld"
    event.save()
    url = reverse("events_admin:undo", args=[report.batch.pk])
    page = admin_client.get(url).content.decode()
    assert "Cursus" in page and "na de import met de hand gewijzigd" in page
    assert 'name="keep_later_changes"' in page

    admin_client.post(url)  # without ticking the box: nothing happens
    assert _fresh(report.batch).status == ImportBatch.Status.DONE
    assert Event.objects.filter(external_id__in=["U-1", "U-2"]).count() == 2

    response = admin_client.post(url, {"keep_later_changes": "1"})
    assert response.status_code == 302
    assert _fresh(report.batch).status == ImportBatch.Status.UNDONE
    assert list(Event.objects.filter(external_id__in=["U-1", "U-2"]).values_list("external_id", flat=True)) == ["U-2"]


def test_undo_is_refused_while_another_import_runs():
    report = run_import(FIRST, "eerste.csv", dry_run=False)
    ImportBatch.objects.create(file_name="bezig.csv", status=ImportBatch.Status.RUNNING)
    with pytest.raises(UndoNotPossible, match="bezig.csv"):
        undo_import(_fresh(report.batch))
    assert Event.objects.filter(external_id__in=["U-1", "U-2"]).count() == 2
