from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    """Research publications with their authors and citations, and the funders LOS must name."""

    name = "research"
    verbose_name = _("Onderzoek en fondsen")
