from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    """Research publications with their authors and citations, and the funders LOS must name."""

    name = "research"
    label = "research"
    verbose_name = _("Onderzoek en fondsen")

    def ready(self) -> None:
        from caching.signals import register_fragment_sources

        # The footer's funder strip (funders and the setting are followed as snippet and setting already).
        register_fragment_sources("research.FooterFunder")
