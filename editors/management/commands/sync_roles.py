from django.core.management.base import BaseCommand

from editors.sync import sync_roles


class Command(BaseCommand):
    help = "Zet de groepen, rechten, collecties en workflows gelijk aan editors/roles.py (kan veilig vaker draaien)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tonen wat er zou veranderen.")

    def handle(self, *args, dry_run=False, **options):
        report = sync_roles(dry_run=dry_run)
        for dotted in sorted(set(report.missing_permissions)):
            self.stderr.write(self.style.WARNING(f"Recht bestaat niet: {dotted}"))
        prefix = "Zou wijzigen" if dry_run else "Gewijzigd"
        if not report.changed:
            self.stdout.write(self.style.SUCCESS("Rollen zijn al gelijk aan editors/roles.py."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}: {len(report.groups_created)} nieuwe groepen, {report.permissions_changed} rechten, "
                f"{report.page_permissions_changed} paginarechten, "
                f"{report.collection_permissions_changed} collectierechten, "
                f"{report.workflow_pages_changed} workflowtoewijzingen."
            )
        )
