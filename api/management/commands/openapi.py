"""`manage.py openapi [--check]`: write (or compare) docs/api/openapi.json, the reviewed copy of the description."""

from django.core.management.base import BaseCommand, CommandError

from api.openapi import COMMITTED_COPY, as_text
from cms.api import api_router


class Command(BaseCommand):
    help = "Write the OpenAPI description of the API to docs/api/openapi.json (--check: fail if it differs)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only compare; exit 1 when the copy is stale.")

    def handle(self, *args, check=False, **options):
        text = as_text(api_router)
        if check:
            if not COMMITTED_COPY.exists() or COMMITTED_COPY.read_text(encoding="utf-8") != text:
                raise CommandError("docs/api/openapi.json is stale: run `make openapi` and review the change.")
            return
        COMMITTED_COPY.write_text(text, encoding="utf-8")
        self.stdout.write(f"wrote {COMMITTED_COPY}")
