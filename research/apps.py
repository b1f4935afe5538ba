from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "research"
    label = "research"
    verbose_name = _("Onderzoek en fondsen")
