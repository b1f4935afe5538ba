from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The headless API's shared parts: base viewsets, filters, the OpenAPI description, embeds for partner sites."""

    name = "api"
    verbose_name = _("API en insluiten")
