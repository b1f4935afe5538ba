from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self) -> None:
        # Every app may describe its searchable page types in <app>/search_families.py (see search/registry.py).
        autodiscover_modules("search_families")
        from search import signals  # noqa: F401 - connects index sync and PDF text extraction
