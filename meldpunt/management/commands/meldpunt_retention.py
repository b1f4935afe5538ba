"""Apply the Meldpunt's retention periods (daily, by the worker's scheduler: meldpunt/apps.py)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from meldpunt.retention import apply_retention


class Command(BaseCommand):
    help = "Verwijder contactgegevens en beschrijvingen van meldingen waarvan de bewaartermijn voorbij is."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets veranderen.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = apply_retention(dry_run=dry_run)
        prefix = "Proefdraai: " if dry_run else ""
        removed = f"{result.contacts_removed} keer contactgegevens en {result.redacted} beschrijvingen verwijderd."
        self.stdout.write(self.style.SUCCESS(prefix + removed))
