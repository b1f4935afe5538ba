"""The one import engine for the agenda, used by the admin flow ("Agenda importeren") and `import_events`.

Volunteers upload whatever their office software writes, so reading is forgiving and writing is strict:

1. **Read** (`spreadsheets.reading.read_table`): any spreadsheet file into a `Table`, by content, encoding and
   delimiter.
2. **Parse** (`rows.parse_row`, with `spreadsheets.parsing` for single cells): the agenda's columns (`columns`)
   into Event values, every problem named by row and column.
3. **Match** (`matching`): by Kenmerk, else by title + date + city; repeats within the file are reported.
4. **Validate and write** (`engine.run_import` with `spreadsheets.bulk.BulkWriter`: the model's own checks, one
   INSERT and one UPDATE per chunk of 1,000 rows): any invalid row means nothing is written. The outcome is an
   `ImportReport` (`spreadsheets.report`, django-import-export's `Result`).

Also here: undo (`engine.undo_import` on `spreadsheets.undo`), exports and the template
(`resources.export_events`, `columns.template_xlsx`, with `spreadsheets.writers`) and big imports as a background
task (`background`). What any sheet needs (reading, cells, the report, bulk writing, kept uploads, undo, the lock,
writers) is the base app `spreadsheets/`; this package is what is the agenda's.
"""

from __future__ import annotations

from events.importing.columns import template_xlsx
from events.importing.engine import analyse_file, run_import, undo_import
from events.importing.resources import export_events
from events.importing.rows import aware
from spreadsheets.reading import UnusableFile
from spreadsheets.report import ImportReport
from spreadsheets.undo import UndoNotPossible, undo_blocker

__all__ = [
    "ImportReport",
    "UndoNotPossible",
    "UnusableFile",
    "analyse_file",
    "aware",
    "export_events",
    "run_import",
    "template_xlsx",
    "undo_blocker",
    "undo_import",
]
