"""manage.py backup FILE.tar: the database and the media files in one archive (see security/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from security.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a backup archive (.tar) with the database and all media files."

    def add_arguments(self, parser):
        parser.add_argument("target", type=Path, help="Archive to write, e.g. /var/backups/los/2026-11-28.tar")
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, target: Path, database: str, **options):
        try:
            manifest = create_backup(target, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {target} ({manifest['engine']}, {manifest['media_files']} media files)"
            )
        )
