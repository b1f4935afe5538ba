"""manage.py purge_login_records: delete login-throttling records whose cool-off has passed (run daily)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete django-axes records older than the cool-off period (AXES_COOLOFF_TIME)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count.")

    def handle(self, dry_run: bool, **options):
        threshold = timezone.now() - settings.AXES_COOLOFF_TIME
        total = 0
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            expired = model.objects.filter(attempt_time__lt=threshold)
            total += expired.count() if dry_run else expired.delete()[0]
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(self.style.SUCCESS(f"{verb} {total} login records older than {settings.AXES_COOLOFF_TIME}."))
