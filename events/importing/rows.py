"""One agenda row: the cells of a `Table` row turned into Event values, with every problem found on the way.

Dutch or English headers in any case and spacing (see columns.py); dates, times and yes/no as parsing.py reads
them; a date cell that also carries a time counts as the start time. Text that a spreadsheet would run as a
formula is kept as plain text (exports neutralise it again). Each row gets a key to match existing events by:
its Kenmerk when it has one, otherwise title + date + city ignoring case and spacing.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from events.models import AMSTERDAM, Event
from spreadsheets.parsing import (
    YMD,
    CellError,
    clean_text,
    normalise_key,
    parse_bool,
    parse_date,
    parse_time,
    parse_url,
)
from spreadsheets.reading import Table
from spreadsheets.report import Problem, RowOutcome

SINGLE_LINE_TEXT = ("external_id", "title", "location", "address", "city", "organiser", "audience")
LANGUAGE_WORDS = {
    "nl": "nl",
    "nederlands": "nl",
    "dutch": "nl",
    "en": "en",
    "engels": "en",
    "english": "en",
}
PARSERS = (
    ("date", parse_date),
    ("end_date", parse_date),
    ("start_time", parse_time),
    ("end_time", functools.partial(parse_time, end=True)),
    ("all_day", parse_bool),
)


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a time on the agenda's clock (Dutch time)."""
    return datetime.datetime.combine(day, time).replace(tzinfo=AMSTERDAM)


def clock_problem(day: datetime.date, time: datetime.time) -> str:
    """Why `time` on `day` is not one moment on the Dutch clock ('' when it is): on the night the clocks go
    forward the hour from 02:00 does not exist, on the night they go back it happens twice."""
    moment = aware(day, time)
    if moment.astimezone(datetime.UTC).astimezone(AMSTERDAM).replace(tzinfo=None) != moment.replace(tzinfo=None):
        return _(
            "%(time)s bestaat niet op %(day)s: die nacht gaat de klok van 02:00 naar 03:00 (zomertijd). "
            "Kies een tijd vanaf 03:00."
        ) % {"time": time.strftime("%H:%M"), "day": day.strftime("%d-%m-%Y")}
    if moment.utcoffset() != moment.replace(fold=1).utcoffset():
        return _(
            "%(time)s komt op %(day)s twee keer voor: die nacht gaat de klok van 03:00 terug naar 02:00 "
            "(wintertijd). Kies een tijd vóór 02:00 of vanaf 03:00."
        ) % {"time": time.strftime("%H:%M"), "day": day.strftime("%d-%m-%Y")}
    return ""


# The columns that fill one Event field each (the dates and times together fill start, end and all_day).
PLAIN_COLUMNS = (*SINGLE_LINE_TEXT, "description", "registration_url", "online_url", "language")
WHEN_COLUMNS = ("date", "start_time", "end_date", "end_time", "all_day")


@dataclass
class ParsedRow:
    """One data row: its spreadsheet row number, raw cells, model values and the problems found so far.

    `when` holds the date and time cells as parsed (None when empty or absent); `start`, `end` and `all_day`
    are made from them by `settle`, once it is known which existing event (if any) the row updates."""

    number: int
    raw: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)  # column key -> messages
    match_key: tuple | None = None
    when: dict[str, Any] = field(default_factory=dict)

    def add_error(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def outcome(self, import_type: str, problems: list[Problem], *, repeat: bool = False) -> RowOutcome:
        """The report row of a row the resource never sees (a repeat within the file)."""
        return RowOutcome(self.number, self.raw, self.values, import_type=import_type, problems=problems, repeat=repeat)


def parse_row(table: Table, number: int, raw: list[Any]) -> ParsedRow:
    """The row's cells as values (absent columns as empty, as a new event gets them) and its match key."""
    row = ParsedRow(number, raw)
    values = row.values
    for key in SINGLE_LINE_TEXT:
        values[key] = clean_text(table.cell(raw, key))
    values["description"] = clean_text(table.cell(raw, "description"), multiline=True)
    for key in ("registration_url", "online_url"):
        values[key] = parse_url(table.cell(raw, key))
    language = clean_text(table.cell(raw, "language")).casefold()
    values["language"] = LANGUAGE_WORDS.get(language, "other" if language else "nl")

    parsed = row.when
    for key, parser in PARSERS:
        try:
            parsed[key] = parser(table.cell(raw, key))
        except CellError as error:
            row.add_error(key, str(error))
            parsed[key] = None
    # A date cell that also carries a time (a datetime in XLSX/ODS, or "2027-03-12 19:30") counts as start time.
    date_cell = table.cell(raw, "date")
    if parsed.get("start_time") is None and "start_time" not in row.errors and parsed["date"] is not None:
        if isinstance(date_cell, datetime.datetime) and date_cell.time() != datetime.time():
            parsed["start_time"] = date_cell.time().replace(second=0, microsecond=0)
        elif isinstance(date_cell, str) and (match := YMD.match(clean_text(date_cell))) and match.group(4):
            parsed["start_time"] = parse_time(f"{match.group(4)}:{match.group(5)}")

    day = parsed["date"]
    if day is None and "date" not in row.errors:
        row.add_error("date", _("De datum ontbreekt."))
    if not values["title"]:
        row.add_error("title", _("De titel ontbreekt."))
    if values["title"] and day is not None:
        if values["external_id"]:
            row.match_key = ("id", values["external_id"].lower())
        else:
            row.match_key = ("ttl", normalise_key(values["title"]), day.isoformat(), normalise_key(values["city"]))
    return row


def settle(row: ParsedRow, table: Table, existing: Event | None) -> None:
    """Complete the row's values: a row that updates `existing` keeps the event's value of every column the
    file does not have (an absent column is not an empty one: a file with only Kenmerk, Titel, Datum and
    Begintijd changes only those), then start, end and all_day are made from the dates and times."""
    present = table.columns.keys()
    when = dict(row.when)
    from_file = {key for key in WHEN_COLUMNS if key in present}
    if existing is not None:
        for key in PLAIN_COLUMNS:
            if key not in present:
                row.values[key] = getattr(existing, key)
        start, end = existing.local_start, existing.local_end
        if "start_time" not in present and not existing.all_day:
            when["start_time"] = start.time()
        if end is not None and "end_date" not in present and "end_time" not in present:
            # The event keeps its end as it was: the same clock time, as many days after the (new) start.
            offset = (end.date() - start.date()).days
            when["end_date"] = when["date"] + datetime.timedelta(days=offset) if when["date"] and offset else None
            when["end_time"] = None if existing.all_day else end.time()
            from_file.discard("end_time")
    _set_start_and_end(row, when, end_time_from_file="end_time" in from_file)


def _set_start_and_end(row: ParsedRow, parsed: dict[str, Any], *, end_time_from_file: bool) -> None:
    """`start`, `end` and `all_day` from the date and time columns: no start time means all day; an end time of
    00:00 or 24:00 on the start day means midnight at the end of it; an end date without an end time means the
    end of that day."""
    values = row.values
    day, start_time, end_time, end_day = parsed["date"], parsed["start_time"], parsed["end_time"], parsed["end_date"]
    all_day = bool(parsed["all_day"]) or start_time is None
    if start_time is None and end_time is not None and end_time_from_file and "start_time" not in row.errors:
        row.add_error("start_time", _("Er is een eindtijd maar geen begintijd."))
    values["all_day"] = all_day
    values["start"] = values["end"] = None
    if day is None:
        return
    start_time = datetime.time() if all_day else start_time
    if problem := clock_problem(day, start_time):
        row.add_error("start_time", problem)
        return
    values["start"] = aware(day, start_time)
    if end_day is None and end_time is None:
        return
    last_day = end_day or day
    if all_day or end_time is None:
        if last_day == day:
            return  # the end of the start day itself: an event of one day (as Event.normalise_times keeps it)
        end_time = datetime.time(23, 59)
    elif end_time == datetime.time() and start_time != datetime.time() and last_day == day:
        # 00:00 (or 24:00) as the end of an evening: midnight, the start of the next day.
        last_day += datetime.timedelta(days=1)
    if problem := clock_problem(last_day, end_time):
        row.add_error("end_time", problem)
        return
    values["end"] = aware(last_day, end_time)
    if values["end"] < values["start"] and not row.errors.get("end_time") and not row.errors.get("end_date"):
        key = "end_time" if end_day is None or end_day == day else "end_date"
        row.add_error(key, _("Het einde ligt vóór het begin."))
