from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Security, privacy and reliability: headers, two-factor admin, login throttling, safe uploads, backups."""

    name = "security"
    verbose_name = _("Beveiliging")

    def ready(self) -> None:
        from django.urls import register_converter

        from . import periodic, signals  # noqa: F401 - signals connects the upload and login-record receivers
        from .converters import DatabaseIdConverter

        register_converter(DatabaseIdConverter, "db_id")
        # The housekeeping of the platform itself (security/periodic.py runs them with the worker).
        periodic.register("purge_login_records", timedelta(days=1))
        periodic.register("prune_db_task_results", timedelta(days=1), "--min-age-days", "7")
        # Wagtail's scheduled publishing and expiry (go-live and expiry times on the Settings tab).
        periodic.register("publish_scheduled", timedelta(minutes=5))
