"""Counting a shelter's anonymised client list in memory: one row per person in, counts for one quarter out.

The file never touches a disk, the database, a log or the session: the view accepts it only through Django's
`MemoryFileUploadHandler` with a size cap (`MAX_UPLOAD_BYTES`), `count_clients` reads the bytes with the shared
forgiving reader (`spreadsheets.reading.read_table`, which works on bytes in memory), and only the counts
leave this module. Problems name row numbers and columns, never a cell's content, so no personal detail ends up
in an error message either.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from figures.categories import (
    COUNTRIES,
    DEPARTURES,
    DIMENSIONS_BY_KEY,
    INTAKES,
    SUPPORTED,
    UNKNOWN,
    age_band,
    duration_band,
)
from spreadsheets.parsing import clean_text
from spreadsheets.reading import ColumnSet, UnusableFile, read_table

MAX_UPLOAD_BYTES = 2 * 1024 * 1024

COLUMNS = ColumnSet.from_aliases(
    {
        "nationality": "Nationaliteit",
        "gender": "Gender",
        "birth_year": "Geboortejaar",
        "start": "Startdatum",
        "end": "Einddatum",
        "outcome": "Uitkomst",
    },
    {
        "nationality": ("nationaliteit", "land", "nationality", "country"),
        "gender": ("gender", "geslacht", "sekse"),
        "birth_year": ("geboortejaar", "birthyear", "jaar van geboorte", "birth year"),
        "start": ("startdatum", "start", "begindatum", "instroom", "start date"),
        "end": ("einddatum", "eind", "uitstroom", "vertrek", "end date"),
        "outcome": ("uitkomst", "outcome", "reden vertrek"),
    },
    required=("start",),
    no_header_message="",
)

GENDERS = {"m": "man", "man": "man", "male": "man", "v": "vrouw", "vrouw": "vrouw", "f": "vrouw", "female": "vrouw"}
OUTCOMES = {str(label).casefold(): key for key, label in DIMENSIONS_BY_KEY["outcome"].categories.items()} | {
    key: key for key in DIMENSIONS_BY_KEY["outcome"].categories
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")


@dataclass
class Counted:
    """The counts for one quarter, and the rows that could not be counted (by number and column only)."""

    values: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    rows: int = 0


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, 3 * quarter - 2, 1)
    following = datetime.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, following - datetime.timedelta(days=1)


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = clean_text(value)
    for form in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, form).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    raise ValueError


def _nationality(value: Any) -> str:
    text = clean_text(value)
    if text.upper() in COUNTRIES:
        return text.upper()
    names = {str(name).casefold(): code for code, (name, _region) in COUNTRIES.items()}
    return names.get(text.casefold(), UNKNOWN)


def count_clients(data: bytes, file_name: str, year: int, quarter: int) -> Counted:
    """Count the people in the client list for the quarter; raises UnusableFile when the file is no sheet."""
    table = read_table(data, file_name, COLUMNS)
    first, last = quarter_bounds(year, quarter)
    totals = dict.fromkeys((SUPPORTED, INTAKES, DEPARTURES), 0)
    breakdowns: dict[str, dict[str, int]] = {key: {} for key in DIMENSIONS_BY_KEY}
    problems: list[str] = []

    def add(dimension: str, category: str) -> None:
        breakdowns[dimension][category] = breakdowns[dimension].get(category, 0) + 1

    for number, raw in table.rows:
        try:
            start = _date(table.cell(raw, "start"))
            end_value = table.cell(raw, "end")
            end = _date(end_value) if clean_text(end_value) else None
        except ValueError:
            problems.append(
                _("Rij %(row)s: de start- of einddatum is geen datum (schrijf 31-12-2025).") % {"row": number}
            )
            continue
        if end is not None and end < start:
            problems.append(_("Rij %(row)s: de einddatum ligt voor de startdatum.") % {"row": number})
            continue
        if start > last or (end is not None and end < first):
            continue  # not supported in this quarter
        totals[SUPPORTED] += 1
        add("nationality", _nationality(table.cell(raw, "nationality")))
        add("gender", GENDERS.get(clean_text(table.cell(raw, "gender")).casefold(), "anders"))
        try:
            age = last.year - int(str(clean_text(table.cell(raw, "birth_year")))[:4])
        except ValueError:
            age = None
        add("age", age_band(age))
        add("household", UNKNOWN)  # the client list has no household column
        if start >= first:
            totals[INTAKES] += 1
        if end is not None and end <= last:
            totals[DEPARTURES] += 1
            add("duration", duration_band((end - start).days))
            add("outcome", OUTCOMES.get(clean_text(table.cell(raw, "outcome")).casefold(), "anders"))
    return Counted({**totals, "breakdowns": breakdowns}, problems, len(table.rows))


__all__ = ["MAX_UPLOAD_BYTES", "Counted", "UnusableFile", "count_clients", "quarter_bounds"]
