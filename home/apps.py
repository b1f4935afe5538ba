from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site shell: home and content pages, themes, site settings and texts, shared blocks, navigation."""

    name = "home"
    label = "home"
    verbose_name = _("Home en gedeelde inhoud")

    def ready(self) -> None:
        from caching.signals import register_fragment_sources

        # What the menu, footer and theme names show: saving any of these makes the cached fragments stale.
        register_fragment_sources(
            "home.NavigationSettings",
            "home.MainMenuItem",
            "home.FooterLink",
            "home.OrganisationSettings",
            "home.SiteTexts",
            "home.Theme",
            "wagtailcore.Site",
            "wagtailcore.Locale",
        )
