"""What an import did (or, as a preview, would do), row by row, for the admin views and the command.

Built on django-import-export's own result objects: `ImportReport` is its `Result` (rows, totals, `base_errors`
for problems with the whole file, `invalid_rows` as `InvalidRow`s) and each row is a `RowOutcome`, its
`RowResult` (import type, instance, errors), so the resource's own row results are the report's rows. What the
library cannot say, and volunteers need, is added: the row number their spreadsheet program shows (the library
counts dataset rows), problems named by the column as the volunteer wrote it (the library names model fields),
rows repeated within the file (the library has no such outcome), which columns an update changes, and the
report as Dutch text lines and as a rejected-rows sheet. Nothing here knows which model a sheet fills.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.results import Error, InvalidRow, Result, RowResult

if TYPE_CHECKING:
    from django.db.models import Model

    from spreadsheets.reading import Table

STATUS_LABELS = {
    "new": "nieuw",
    "changed": "gewijzigd",
    "unchanged": "ongewijzigd",
    "invalid": "fout",
    "duplicate": "dubbel",
}


class ImportFailed(Exception):
    """A problem with the whole file or run rather than with a row; the message is shown to the volunteer."""


@dataclass
class Problem:
    """One thing wrong, as the volunteer should read it."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return _("Rij %(row)s, kolom %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Rij %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class SheetReport:
    """The outcome of a preview or an import of a small sheet read row by row without import-export's resource
    (quarterly figures, the Meldpunt register, subscribers): the rows (each with a `number` and its `problems`),
    the columns nobody reads, the batch written. The templates extending `spreadsheets/admin/import_base.html` show it.
    """

    file_error: str = ""
    rows: list[Any] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batch: Model | None = None

    @property
    def problem_count(self) -> int:
        return sum(1 for row in self.rows if row.problems)

    @property
    def ok(self) -> bool:
        """Nothing blocks the import and there is something to import."""
        return not self.file_error and bool(self.rows) and not self.problem_count

    @property
    def shown_rows(self) -> list[Any]:
        """The rows the preview lists (all of them, unless a report says otherwise)."""
        return self.rows


class RowOutcome(RowResult):
    """What happens (or happened) to one spreadsheet row: new, changed, unchanged, invalid or duplicate.

    The resource creates these (its row result class) without arguments; the engine then fills in the row.
    """

    def __init__(
        self,
        number: int = 0,
        raw: list[Any] | None = None,
        values: dict[str, Any] | None = None,
        *,
        import_type: str | None = None,
        problems: list[Problem] | None = None,
        repeat: bool = False,
    ) -> None:
        super().__init__()
        self.import_type = import_type
        self.number = number  # as the spreadsheet program shows it
        self.raw = raw if raw is not None else []  # the cells as read
        self.values: dict[str, Any] = values if values is not None else {}  # parsed values, for the preview
        self.problems: list[Problem] = problems if problems is not None else []
        self.changed_fields: list[str] = []  # column names, for an update
        self.cleared_fields: list[str] = []  # those of them an empty cell empties
        self.repeat = repeat  # the same record as an earlier row of the file

    @property
    def status(self) -> str:
        if self.import_type in (self.IMPORT_TYPE_INVALID, self.IMPORT_TYPE_ERROR):
            return "invalid"
        if self.import_type == self.IMPORT_TYPE_NEW:
            return "new"
        if self.import_type == self.IMPORT_TYPE_UPDATE:
            return "changed"
        return "duplicate" if self.repeat else "unchanged"

    @property
    def problem_text(self) -> str:
        return "; ".join(f"{p.column}: {p.message}" if p.column else p.message for p in self.problems)

    def column_errors(self) -> ValidationError:
        """The problems as the library's InvalidRow holds them: messages by column (as the volunteer wrote it)."""
        errors: dict[str, list[str]] = {}
        for problem in self.problems:
            errors.setdefault(problem.column or NON_FIELD_ERRORS, []).append(problem.message)
        return ValidationError(errors)


class ImportReport(Result):
    """The outcome of a preview (dry run) or an import, shared by the admin views and the command."""

    def __init__(self, file_name: str, dry_run: bool) -> None:
        super().__init__()
        self.file_name = file_name
        self.dry_run = dry_run
        self.table: Table | None = None  # as read, when the file could be read
        self.batch: Model | None = None  # the saved import batch, when something was written
        self.written = False
        self.earlier: Model | None = None  # the import that already imported this very upload (a second click)

    def fail(self, message: str) -> None:
        """Record a problem with the whole file or run: nothing is imported."""
        self.append_base_error(Error(ImportFailed(message)))

    @property
    def file_error(self) -> str:
        return str(self.base_errors[0].error) if self.base_errors else ""

    def append_row_result(self, row_result: RowOutcome) -> None:
        """Add a row's outcome (rows are added in file order, once complete)."""
        super().append_row_result(row_result)
        self.increment_row_result_total(row_result)
        if row_result.status == "invalid":
            self.invalid_rows.append(InvalidRow(row_result.number, row_result.column_errors(), tuple(row_result.raw)))

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUS_LABELS}

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def ok(self) -> bool:
        return not self.base_errors and not self.has_validation_errors()

    @property
    def exit_code(self) -> int:
        """As `import_events` exits: 0 fine, 1 rows invalid (nothing written), 2 the file is unusable."""
        if self.base_errors:
            return 2
        return 1 if self.has_validation_errors() else 0

    def lines(self) -> list[str]:
        """The report as text (the command prints these; the admin shows the same in a table)."""
        if self.file_error:
            return [self.file_error]
        lines = [
            _(
                "%(file)s: %(total)s rijen: %(new)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd, "
                "%(invalid)s met fouten, %(duplicate)s dubbel."
            )
            % {"file": self.file_name, "total": len(self.rows), **self.counts}
        ]
        if self.table and self.table.ignored_columns:
            lines.append(
                _("Deze kolommen worden niet gebruikt: %(columns)s.")
                % {"columns": ", ".join(self.table.ignored_columns)}
            )
        if self.table and self.table.absent_columns:
            lines.append(
                _("Niet in het bestand, dus bij bestaande activiteiten ongewijzigd: %(columns)s.")
                % {"columns": ", ".join(self.table.absent_columns)}
            )
        lines.extend(str(problem) for row in self.rows for problem in row.problems)
        return lines

    def rejected_rows(self) -> tuple[list[str], list[list[Any]]]:
        """Header and rows of every invalid row, as in the file plus a 'Probleem' column, for fixing.

        Not the library's `failed_dataset`: that holds the resource's field values and only the first error,
        where a volunteer needs their own cells back (to fix and upload again) and every problem."""
        headers = [*(self.table.headers if self.table else []), _("Probleem")]
        width = len(headers) - 1
        rows = []
        for row in self.rows:
            if row.status == "invalid":
                cells = (list(row.raw) + [None] * width)[:width]
                rows.append([*cells, row.problem_text])
        return headers, rows
