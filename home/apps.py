from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home and content pages, themes, site settings and texts, shared blocks, navigation."""

    name = "home"
    verbose_name = _("Home en gedeelde inhoud")

    def ready(self) -> None:
        from caching.signals import register_fragment_sources

        # What the menu and footer show besides snippets and settings (which every cache follows by itself,
        # caching/signals.py): the setting's menu rows, sites and locales.
        register_fragment_sources("home.MainMenuItem", "home.FooterLink", "wagtailcore.Site", "wagtailcore.Locale")
