"""Create a local admin account for development, once. Refuses to run unless DEBUG is on."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "los-demo-2026"  # noqa: S105 - local development only, refused when DEBUG is off


class Command(BaseCommand):
    help = "Maakt een lokaal beheeraccount aan als er nog geen beheerder is (alleen in ontwikkeling)."

    def add_arguments(self, parser):
        # `make run PORT=8011` serves elsewhere than 8000: the sign-in address printed must be the one served.
        parser.add_argument("--address", default="http://127.0.0.1:8000", help="Waar de site draait.")

    def handle(self, *args, **options):
        login = options["address"].rstrip("/") + "/admin/"
        if not settings.DEBUG:
            raise CommandError("Alleen voor lokale ontwikkeling (DEBUG staat uit).")
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            User.objects.create_superuser(USERNAME, "admin@example.org", PASSWORD)
            self.stdout.write(self.style.SUCCESS("Beheeraccount aangemaakt."))
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Inloggen: {login}  gebruiker '{USERNAME}', wachtwoord '{PASSWORD}'")
        else:
            self.stdout.write(f"Er is al een beheerder; log in met dat account op {login}")
