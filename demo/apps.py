from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content: the loader of the apps' demo data files and the seed_demo command."""

    name = "demo"
    verbose_name = _("Demo-inhoud")
