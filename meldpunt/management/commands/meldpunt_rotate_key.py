"""Re-encrypt every stored contact with the newest key (the first of MELDPUNT_ENCRYPTION_KEY), README "Meldpunt"."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from meldpunt.models import Report


class Command(BaseCommand):
    help = "Versleutel alle contactgegevens opnieuw met de nieuwste sleutel (de eerste in MELDPUNT_ENCRYPTION_KEY)."

    def handle(self, *args, **options):
        with transaction.atomic():
            rows = list(Report.objects.exclude(contact="").values_list("pk", "contact"))  # decrypted with any key
            for pk, contact in rows:
                Report.objects.filter(pk=pk).update(contact=contact)  # encrypted with the first key
        self.stdout.write(self.style.SUCCESS(f"{len(rows)} contactgegevens opnieuw versleuteld."))
