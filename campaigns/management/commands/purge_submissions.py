"""Delete or anonymise sign-ups older than their form's retention period (run daily, e.g. from cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from campaigns.retention import purge_expired_submissions


class Command(BaseCommand):
    help = "Verwijder of anonimiseer aanmeldingen waarvan de bewaartermijn voorbij is."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets veranderen.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = purge_expired_submissions(dry_run=dry_run)
        if dry_run:
            message = f"Proefdraai: {result.deleted} te verwijderen, {result.anonymised} te anonimiseren."
        else:
            message = f"{result.deleted} verwijderd, {result.anonymised} geanonimiseerd."
        self.stdout.write(self.style.SUCCESS(message))
