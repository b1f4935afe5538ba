"""The site shell's models: pages, themes and the per-site settings and texts."""

from home.models.pages import ContentPage, HomePage
from home.models.site_settings import (
    FooterLink,
    LanguageCodesField,
    LinkFields,
    MainMenuItem,
    NavigationSettings,
    OrganisationSettings,
    SiteLanguages,
    SiteTexts,
    default_site_languages,
)
from home.models.themes import Theme

__all__ = [
    "ContentPage",
    "FooterLink",
    "HomePage",
    "LanguageCodesField",
    "LinkFields",
    "MainMenuItem",
    "NavigationSettings",
    "OrganisationSettings",
    "SiteLanguages",
    "SiteTexts",
    "Theme",
    "default_site_languages",
]
