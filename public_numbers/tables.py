"""What is published: a table of protected counts under column headings (drawn as a chart, downloaded as CSV
and JSON), the calendar quarter most series count by, and what a set of published tables offers its page,
downloads and chart block (`Published`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from django.utils.translation import gettext as _

from public_numbers.disclosure import Shown


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter."""

    year: int
    quarter: int

    @property
    def key(self) -> str:
        """As in the query string and the downloads: `2025-3`."""
        return f"{self.year}-{self.quarter}"

    @property
    def label(self) -> str:
        return _("%(quarter)se kwartaal %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def short_label(self) -> str:
        return f"{self.year} Q{self.quarter}"

    @classmethod
    def parse(cls, raw: str | None) -> Period | None:
        """A period from `2025-3`; None for anything else."""
        year, _dash, quarter = (raw or "").strip()[:10].partition("-")
        if not (year.isascii() and year.isdigit() and quarter in {"1", "2", "3", "4"}):
            return None
        return cls(int(year), int(quarter))


@dataclass
class Table:
    """One table as published (and drawn as a chart): rows of protected counts under column headings."""

    key: str
    title: str
    description: str
    row_heading: str
    columns: list[str]
    rows: list[tuple[str, list[Shown]]]

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "columns": [self.row_heading, *self.columns],
            "rows": [{"label": label, "values": [value.as_json() for value in values]} for label, values in self.rows],
        }


class Published(Protocol):
    """One page of published numbers (the shelter figures' `PublicFigures`, the Meldpunt's `MeldpuntFigures`): its
    tables, the period they were chosen for (anything with a `key`: a quarter, a year), and all of it as JSON."""

    @property
    def selected(self) -> Any: ...

    @property
    def tables(self) -> list[Table]: ...

    def table(self, key: str) -> Table | None: ...

    def as_json(self) -> dict: ...
