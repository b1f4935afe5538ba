"""Which existing event each agenda row updates, and which rows repeat one another.

A row matches by its Kenmerk (case ignored) when it has one, otherwise by title + date + city ignoring case and
spacing; a row with a Kenmerk no event has yet may still match an event entered without one. A row repeated
within the file is reported and imported once; a repeat with other values, or two rows that resolve to the same
event, is an error (which of the two is right?). Only Dutch originals are matched.
"""

from __future__ import annotations

import datetime

from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from import_export.results import RowResult

from events.importing.columns import IMPORT_FIELDS
from events.importing.rows import ParsedRow, aware
from events.models import Event
from spreadsheets.parsing import normalise_key
from spreadsheets.reading import Table
from spreadsheets.report import Problem, RowOutcome

QUERY_CHUNK = 500


def load_existing(rows: list[ParsedRow]) -> dict[tuple, Event]:
    """Existing events each row could match, keyed like ParsedRow.match_key; a few queries for any file size."""
    existing: dict[tuple, Event] = {}
    id_list = sorted({row.match_key[1] for row in rows if row.match_key and row.match_key[0] == "id"})
    for start in range(0, len(id_list), QUERY_CHUNK):
        chunk = id_list[start : start + QUERY_CHUNK]
        originals = Event.objects.originals().annotate(external_key=Lower("external_id"))
        for event in originals.filter(external_key__in=chunk).order_by("pk"):
            existing.setdefault(("id", event.external_id.lower()), event)
    days = [
        datetime.date.fromisoformat(row.match_key[2]) for row in rows if row.match_key and row.match_key[0] == "ttl"
    ]
    # Rows with a Kenmerk that no event has yet may still match an event entered without one.
    days += [row.when["date"] for row in rows if row.match_key and row.match_key[0] == "id"]
    if days:
        first = aware(min(days), datetime.time()) - datetime.timedelta(days=1)
        last = aware(max(days), datetime.time()) + datetime.timedelta(days=2)
        window = Event.objects.originals().filter(start__gte=first, start__lt=last)
        for event in window.order_by("pk").iterator(chunk_size=2000):
            key = ("ttl", normalise_key(event.title), event.local_start.date().isoformat(), normalise_key(event.city))
            existing.setdefault(key, event)
    # Fallback for rows with an unknown Kenmerk: the title/date/city match of an event without a Kenmerk.
    for row in rows:
        if row.match_key and row.match_key[0] == "id" and row.match_key not in existing:
            values = row.values
            key = (
                "ttl",
                normalise_key(values["title"]),
                row.when["date"].isoformat(),
                normalise_key(values["city"]),
            )
            fallback = existing.get(key)
            if fallback is not None and not fallback.external_id:
                existing[row.match_key] = fallback
    return existing


def comparable(row: ParsedRow) -> tuple:
    """A row's values as matching sees them: a repeat that differs only in case or spacing is the same row."""
    return tuple(
        normalise_key(value) if isinstance(value, str) else value
        for value in (row.values.get(name) for name in IMPORT_FIELDS)
    )


def set_aside_repeats(rows: list[ParsedRow], table: Table) -> tuple[list[ParsedRow], dict[int, RowOutcome]]:
    """The rows to import, and the outcome of each repeat of an earlier row (by row number).

    The first occurrence counts; an identical repeat is reported and skipped, a repeat with different values is
    an error."""
    first_by_key: dict[tuple, ParsedRow] = {}
    importable: list[ParsedRow] = []
    repeats: dict[int, RowOutcome] = {}
    for row in rows:
        first = first_by_key.get(row.match_key) if row.match_key and not row.errors else None
        if first is None:
            if row.match_key and not row.errors:
                first_by_key[row.match_key] = row
            importable.append(row)
            continue
        label = _("kenmerk") if row.match_key[0] == "id" else _("titel, datum en plaats")
        if comparable(first) == comparable(row):
            message = _("Deze rij staat dubbel in het bestand (zelfde %(what)s als rij %(row)s).") % {
                "what": label,
                "row": first.number,
            }
            import_type = RowResult.IMPORT_TYPE_SKIP
        else:
            message = _("Zelfde %(what)s als rij %(row)s, maar met andere gegevens. Houd één van de twee over.") % {
                "what": label,
                "row": first.number,
            }
            import_type = RowResult.IMPORT_TYPE_INVALID
        column = table.column_name("external_id" if row.match_key[0] == "id" else "title")
        repeats[row.number] = row.outcome(import_type, [Problem(row.number, column, message)], repeat=True)
    return importable, repeats


def set_aside_double_claims(
    rows: list[ParsedRow], existing: dict[tuple, Event], table: Table
) -> tuple[list[ParsedRow], dict[int, RowOutcome]]:
    """Two different rows that resolve to the same existing event (say one by Kenmerk, one by title, date and
    place) would overwrite each other: the second is an error. Returns the rows to import and those errors."""
    claimed: dict[int, ParsedRow] = {}
    kept: list[ParsedRow] = []
    errors: dict[int, RowOutcome] = {}
    for row in rows:
        event = existing.get(row.match_key) if row.match_key else None
        if event is not None and event.pk in claimed:
            message = _("Deze rij en rij %(row)s horen bij dezelfde activiteit. Houd één van de twee over.") % {
                "row": claimed[event.pk].number
            }
            problem = Problem(row.number, table.column_name("title"), message)
            errors[row.number] = row.outcome(RowResult.IMPORT_TYPE_INVALID, [problem])
            continue
        if event is not None:
            claimed[event.pk] = row
        kept.append(row)
    return kept, errors
