"""Spreadsheets in and out, for every sheet the site imports or exports (the agenda, the shelter figures, the
Meldpunt register, the old subscriber list, sign-up exports).

Volunteers upload whatever their office software writes, so reading is forgiving and writing is strict:

- `reading` (with `xlsx_cells`, `ods_cells`) reads any CSV/XLSX/ODS file into a `Table`, by content, encoding and
  delimiter, within limits a hostile file cannot get past; `parsing` understands single cells (text, dates,
  times, yes/no, web addresses);
- `report` is the per-row report of an import (`ImportReport`, `SheetReport`, shown by
  `templates/spreadsheets/admin/import_base.html`); `bulk` validates and writes records in bulk;
- `uploads` keeps a file between an import's preview and its confirmation; `import_views` is the admin flow of
  every import but the agenda's (a file with personal data is kept only as a copy of the imported columns);
- `models.ImportRecord` is what every import keeps of itself (file name, who, when, undone by whom); `undo`
  undoes an import batch through the ORM, `lock` keeps imports and undos of one sheet apart;
- `writers` and `formulas`: every exported cell is neutralised, so nothing anybody typed runs as a formula.

Nothing here knows what a sheet means: each app brings its own columns, rows and models (`events/importing/`,
`figures/importing.py`, `meldpunt/importing.py`, `newsletter/importing.py`). A base app: it imports no feature app.
"""
