"""One agenda row: the cells of a `Table` row turned into Event values, with every problem found on the way.

Dutch or English headers in any case and spacing (see columns.py); dates, times and yes/no as parsing.py reads
them; a date cell that also carries a time counts as the start time. Text that a spreadsheet would run as a
formula is kept as plain text (exports neutralise it again). Each row gets a key to match existing events by:
its Kenmerk when it has one, otherwise title + date + city ignoring case and spacing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from events.importing.parsing import (
    YMD,
    CellError,
    clean_text,
    normalise_key,
    parse_bool,
    parse_date,
    parse_time,
    parse_url,
)
from events.importing.reading import Table
from events.importing.report import Problem, RowOutcome
from events.models import AMSTERDAM

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
    ("end_time", parse_time),
    ("all_day", parse_bool),
)


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a time on the agenda's clock (Dutch time)."""
    return datetime.datetime.combine(day, time).replace(tzinfo=AMSTERDAM)


@dataclass
class ParsedRow:
    """One data row: its spreadsheet row number, raw cells, model values and the problems found so far."""

    number: int
    raw: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)  # column key -> messages
    match_key: tuple | None = None

    def add_error(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def outcome(self, import_type: str, problems: list[Problem], *, repeat: bool = False) -> RowOutcome:
        """The report row of a row the resource never sees (a repeat within the file)."""
        return RowOutcome(self.number, self.raw, self.values, import_type=import_type, problems=problems, repeat=repeat)


def parse_row(table: Table, number: int, raw: list[Any]) -> ParsedRow:
    row = ParsedRow(number, raw)
    values = row.values
    for key in SINGLE_LINE_TEXT:
        values[key] = clean_text(table.cell(raw, key))
    values["description"] = clean_text(table.cell(raw, "description"), multiline=True)
    for key in ("registration_url", "online_url"):
        values[key] = parse_url(table.cell(raw, key))
    language = clean_text(table.cell(raw, "language")).casefold()
    values["language"] = LANGUAGE_WORDS.get(language, "other" if language else "nl")

    parsed: dict[str, Any] = {}
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
    _set_start_and_end(row, parsed)
    if values["title"] and day is not None:
        if values["external_id"]:
            row.match_key = ("id", values["external_id"].lower())
        else:
            row.match_key = ("ttl", normalise_key(values["title"]), day.isoformat(), normalise_key(values["city"]))
    return row


def _set_start_and_end(row: ParsedRow, parsed: dict[str, Any]) -> None:
    """`start`, `end` and `all_day` from the date and time columns: no start time means all day."""
    values = row.values
    day, start_time, end_time, end_day = parsed["date"], parsed["start_time"], parsed["end_time"], parsed["end_date"]
    all_day = bool(parsed["all_day"]) or start_time is None
    if start_time is None and end_time is not None and "start_time" not in row.errors:
        row.add_error("start_time", _("Er is een eindtijd maar geen begintijd."))
    values["all_day"] = all_day
    values["start"] = values["end"] = None
    if day is None:
        return
    values["start"] = aware(day, datetime.time() if all_day else start_time)
    if end_day is not None or end_time is not None:
        last_day = end_day or day
        values["end"] = aware(last_day, datetime.time(23, 59) if all_day else (end_time or start_time))
        if values["end"] < values["start"] and not row.errors.get("end_time") and not row.errors.get("end_date"):
            key = "end_time" if end_day is None or end_day == day else "end_date"
            row.add_error(key, _("Het einde ligt vóór het begin."))
