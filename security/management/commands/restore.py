"""manage.py restore FILE.tar.gpg: replace the database and the media files with a backup (see security/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from security.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive made by `manage.py backup`. Replaces the database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument(
            "source", type=Path, help="Archive written by `manage.py backup` (decrypted with BACKUP_PASSPHRASE)."
        )
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, source: Path, database: str, yes: bool, **options):
        try:
            manifest = read_manifest(source)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes and options.get("interactive", True):
            answer = input(
                f"Replace database '{database}' and all media with the backup of {manifest['created']}? [y/N] "
            )
            if answer.strip().lower() not in {"y", "yes", "j", "ja"}:
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            restore_backup(source, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restored {source} ({manifest['engine']}, {manifest['media_files']} media files)")
        )
