"""Rebuild the Elasticsearch indexes into new indexes and swap the aliases (no downtime)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from search import service


class Command(BaseCommand):
    help = "Bouwt de Elasticsearch-zoekindex opnieuw op in een nieuwe index en wisselt de alias om."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen; niets naar Elasticsearch sturen.")

    def handle(self, *args, dry_run: bool = False, **options):
        if not dry_run and not service.elastic_enabled():
            raise CommandError(
                "ELASTICSEARCH_URL is not set; the database search index is Wagtail's own "
                "(python manage.py update_index)."
            )
        last: dict[str, int] = {}

        def progress(language: str, done: int, total: int) -> None:
            # A plain progress bar: redrawn per 2% so logs stay small.
            step = max(1, total // 50)
            if done == total or done - last.get(language, 0) >= step:
                last[language] = done
                filled = int(30 * done / total) if total else 30
                self.stdout.write(f"\r{language} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", ending="")
                self.stdout.flush()

        # Imported here: the Elasticsearch client is only loaded when the command runs.
        from search.backends.elastic.connection import TRANSPORT_ERRORS
        from search.backends.elastic.index import rebuild

        try:
            report = rebuild(dry_run=dry_run, progress=progress)
        except TRANSPORT_ERRORS as error:
            raise CommandError(f"Elasticsearch is not reachable ({type(error).__name__})") from error
        self.stdout.write("")
        for language, info in report.items():
            verb = "would index" if dry_run else "indexed"
            self.stdout.write(
                self.style.SUCCESS(f"{language}: {verb} {info['documents']} documents into {info['index']}")
                + (f" (replaced {', '.join(info['replaced'])})" if info["replaced"] else "")
            )
