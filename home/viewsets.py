"""Admin viewsets for the home app's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import SiteTexts, Theme


class MenuSnippetViewSet(SnippetViewSet):
    """The base of every translatable snippet with its own item in the admin menu (themes, funders, help
    locations): found by its name, filtered by language, so an editor sees one language's entries at a time."""

    add_to_admin_menu = True
    list_filter = ["locale"]
    search_fields = ["name"]


class ThemeViewSet(MenuSnippetViewSet):
    """Themes: the three lines along which LOS organises its content."""

    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    menu_order = 200
    list_display = ["name", "slug", "sort_order"]


class SiteTextsViewSet(SnippetViewSet):
    """The translatable texts of each site's header and footer, next to the site's other settings."""

    model = SiteTexts
    icon = "doc-full"
    menu_label = _("Teksten van de site")
    add_to_settings_menu = True
    list_display = ["site", "tagline", "locale"]
    list_filter = ["site", "locale"]
    ordering = ["site__site_name", "locale__language_code"]
