"""manage.py worker: the background worker with the periodic jobs (security/periodic.py), one process to run."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from security import periodic


class Command(BaseCommand):
    help = "Start de periodieke taken (bewaartermijnen, gepland publiceren) en de achtergrondwerker (db_worker)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Voer uit wat klaarstaat (ook de eerste ronde periodieke taken) en stop daarna.",
        )

    def handle(self, *args, **options):
        if periodic.start():
            jobs = ", ".join(f"{job.command} ({job.every})" for job in periodic.JOBS.values())
            self.stdout.write(f"Periodieke taken: {jobs}.")
        call_command("db_worker", batch=options["batch"], startup_delay=not options["batch"])
