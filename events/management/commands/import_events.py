"""`python manage.py import_events FILE [--dry-run]`: the admin's "Agenda importeren" from the command line.

Exit codes: 0 imported (or, with --dry-run, would import), 1 rows are invalid and nothing was written,
2 the file cannot be used at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from events.importing import run_import


class Command(BaseCommand):
    help = "Importeert activiteiten uit een spreadsheet (.xlsx, .ods, .csv, .tsv, .txt) in de agenda."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het spreadsheetbestand.")
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")

    def handle(self, *args, file: str, dry_run: bool, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            self.stderr.write(self.style.ERROR(f"Kan {file} niet lezen: {error.strerror}"))
            sys.exit(2)
        last = [0]

        def progress(done: int, total: int) -> None:
            if options.get("verbosity", 1) >= 2 and done - last[0] >= 1000:
                last[0] = done
                self.stdout.write(f"{done}/{total} rijen verwerkt")

        report = run_import(data, path.name, dry_run=dry_run, source="command", progress=progress)
        lines = report.lines()
        if report.exit_code == 2:
            self.stderr.write(self.style.ERROR(lines[0]))
            sys.exit(2)
        self.stdout.write(lines[0])
        for line in lines[1:]:
            (self.stderr if report.exit_code else self.stdout).write(line)
        if report.exit_code == 1:
            self.stderr.write(self.style.ERROR("Er is niets opgeslagen: verbeter de fouten en probeer het opnieuw."))
            sys.exit(1)
        if dry_run:
            self.stdout.write(self.style.SUCCESS("Proefimport: alles is in orde. Er is niets opgeslagen."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Geïmporteerd (import {report.batch.pk})."))
