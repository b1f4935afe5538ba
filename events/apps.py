from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self) -> None:
        from caching.signals import register_fragment_sources

        # Events are a snippet (followed by every cache already); a bulk import writes them without signals, so
        # its batch, saved when the import finishes or is undone, makes cached pages stale.
        register_fragment_sources("events.ImportBatch")
