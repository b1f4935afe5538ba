"""manage.py reset_two_factor <username> --by <administrator>: remove every second factor of an account (the
authenticator app and the backup codes), for an editor who lost their phone and has no backup code left.

Deleting the TOTP device alone (what the README said before) left the backup-code device: the account still "had a
device", so the editor was sent to the code prompt instead of the setup page and stayed locked out. After this
command the next login with the password leads to /admin/2fa/setup/. Sessions verified with a removed device are
unverified from their next request on (django-otp no longer finds the device).

Who did it is logged as user ids only (no names, no e-mail addresses: security/log.py)."""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp import devices_for_user

logger = logging.getLogger("los.security")


class Command(BaseCommand):
    help = "Remove all second-factor devices (authenticator app, backup codes) of a user, who then sets up 2FA again."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The account that lost its second factor.")
        parser.add_argument(
            "--by", required=True, metavar="ADMINISTRATOR", help="Your own user name (a superuser), for the log."
        )

    def handle(self, username: str, by: str, **options):
        users = get_user_model()._default_manager
        try:
            user = users.get_by_natural_key(username)
        except users.model.DoesNotExist:
            raise CommandError(f"No account with the user name {username!r}.") from None
        administrator = users.filter(**{users.model.USERNAME_FIELD: by}, is_superuser=True, is_active=True).first()
        if administrator is None:
            raise CommandError(f"--by {by!r} is not an active superuser: give your own user name.")
        with transaction.atomic():
            devices = list(devices_for_user(user, confirmed=None, for_verify=True))
            for device in devices:
                device.delete()  # a backup-code device takes its codes with it
        logger.info(
            "two-factor reset: %d device(s) of user %s removed by user %s", len(devices), user.pk, administrator.pk
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {len(devices)} second-factor device(s) of {username}. At the next login with the password "
                "they set up two-step verification again."
            )
        )
