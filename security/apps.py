from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Security, privacy and reliability: headers, two-factor admin, login throttling, safe uploads, backups."""

    name = "security"
    verbose_name = _("Beveiliging")

    def ready(self) -> None:
        from django.urls import register_converter

        from . import signals  # noqa: F401 - connects the upload and login-record receivers
        from .converters import DatabaseIdConverter

        register_converter(DatabaseIdConverter, "db_id")
