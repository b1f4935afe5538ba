from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """Cache-Control headers, the shared fragment cache and warming pages after publishing."""

    name = "caching"
    verbose_name = _("Caching")

    def ready(self) -> None:
        from caching import signals

        signals.connect()
