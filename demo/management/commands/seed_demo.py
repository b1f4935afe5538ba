"""Build the demo LOS site from the apps' demo data files (`<app>/demo/*.yaml`, see docs/demo-content.md).

Safe to run again: what exists is left as it is, so a second run adds nothing. On a database where people have
worked in the admin it changes nothing at all and says so (demo.loader.staff_work). `--news N` adds N generated
news items on top, quickly (for benchmarks).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from demo.generated import NEWS_INDEX, create_generated_news
from demo.loader import StaffHaveWorked, load
from demo.values import DemoDataError


class Command(BaseCommand):
    help = "Maakt de demo-inhoud van de LOS-website aan (kan veilig vaker draaien)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--news",
            type=int,
            default=0,
            metavar="N",
            help="Voeg N gegenereerde nieuwsberichten toe (voor benchmarks).",
        )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1

        def log(message: str) -> None:
            if verbose:
                self.stdout.write(message)

        try:
            state = load(log=log)
        except StaffHaveWorked as refusal:
            # Not an error: `make run` calls seed_demo every time, also after someone has edited the demo site.
            self.stdout.write(self.style.WARNING(str(refusal)))
            if options["news"] > 0:
                raise CommandError("--news werkt alleen op een database waarin nog niemand heeft gewerkt.") from None
            return
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        created = state.created
        if options["news"] > 0:
            started = time.perf_counter()
            added = create_generated_news(state.objects[NEWS_INDEX], options["news"])
            created += added
            log(f"Nieuws: {added} gegenereerde berichten in {time.perf_counter() - started:.1f} s.")
        self.stdout.write(self.style.SUCCESS(f"Demo-inhoud klaar: {created} nieuw, rest ongewijzigd."))
