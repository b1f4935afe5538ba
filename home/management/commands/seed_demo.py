"""Build the demo LOS site. Each app contributes its own content through an optional `<app>/demo.py`.

A demo module defines `seed(context)` and may define `add_arguments(parser)`; they run in the order of
settings.LOCAL_APPS (home first). Every seed function is idempotent, so running the command twice changes
nothing.
"""

from __future__ import annotations

import importlib
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo_support import DemoContext


def _demo_modules():
    for app in settings.LOCAL_APPS:
        if find_spec(f"{app}.demo") is not None:
            yield importlib.import_module(f"{app}.demo")


class Command(BaseCommand):
    help = "Maakt de demo-inhoud van de LOS-website aan (kan veilig vaker draaien)."

    def add_arguments(self, parser):
        for module in _demo_modules():
            if hasattr(module, "add_arguments"):
                module.add_arguments(parser)

    def handle(self, *args, **options):
        context = DemoContext(options=options, stdout=self.stdout, style=self.style)
        for module in _demo_modules():
            with transaction.atomic():
                module.seed(context)
        self.stdout.write(self.style.SUCCESS(f"Demo-inhoud klaar: {context.created} nieuw, rest ongewijzigd."))
