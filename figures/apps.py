from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "figures"
    verbose_name = _("Opvangcijfers")

    def ready(self) -> None:
        from caching.signals import register_fragment_sources

        # What the figures page and chart blocks show: cached pages go stale when figures or an import change
        # them (shelters are a snippet, followed already).
        register_fragment_sources("figures.QuarterFigures", "figures.FiguresHistory", "figures.FiguresImport")
