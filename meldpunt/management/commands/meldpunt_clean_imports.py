"""Remove abandoned Meldpunt import copies (every 15 minutes, by the worker's scheduler: meldpunt/apps.py)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from meldpunt.importing import KEPT_FOR, remove_abandoned_sheets


class Command(BaseCommand):
    help = (
        "Remove the Meldpunt import's kept copies (they hold descriptions) that nobody confirmed or cancelled "
        f"within {KEPT_FOR}. Run by the worker's scheduler every 15 minutes (meldpunt/apps.py)."
    )

    def handle(self, *args, **options):
        removed = remove_abandoned_sheets()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{removed} abandoned import copies removed."))
