"""manage.py backup FILE.tar.gpg: the database and the media files in one encrypted, private archive, then
older archives in the same folder are deleted (BACKUP_RETENTION_DAYS; see security/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from security.backup import BackupError, create_backup, prune_backups


class Command(BaseCommand):
    help = "Write an encrypted (BACKUP_PASSPHRASE) backup with the database and all media files; prune old ones."

    def add_arguments(self, parser):
        parser.add_argument("target", type=Path, help="Archive to write, e.g. /var/backups/los/2026-11-28.tar.gpg")
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="Delete *.tar.gpg archives in the target's folder older than this (default BACKUP_RETENTION_DAYS).",
        )

    def handle(self, target: Path, database: str, keep_days: int | None, **options):
        try:
            manifest = create_backup(target, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Encrypted backup written to {target} ({manifest['engine']}, {manifest['media_files']} media files)"
            )
        )
        removed = prune_backups(target.parent, keep_days)
        if removed:
            self.stdout.write(f"Deleted {len(removed)} archive(s) past the retention period.")
