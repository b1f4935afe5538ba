"""Run every few minutes (cron): delete expired unconfirmed addresses, start due issues, resume stalled sending."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from newsletter.retention import run_housekeeping


class Command(BaseCommand):
    help = "Verwijdert onbevestigde adressen na NEWSLETTER_CONFIRM_DAYS dagen en verstuurt ingeplande nieuwsbrieven."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets verwijderen of versturen.")

    def handle(self, *args, dry_run: bool = False, **options):
        result = run_housekeeping(dry_run=dry_run)
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.purged} onbevestigde adressen verwijderd, {result.queued} nieuwsbrieven gestart."
            )
        )
