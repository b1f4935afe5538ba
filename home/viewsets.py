"""Admin viewsets for the home app's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Theme


class ThemeViewSet(SnippetViewSet):
    """Themes: the three lines along which LOS organises its content."""

    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
