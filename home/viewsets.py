"""Admin viewsets for the home app's snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import SiteTexts, Theme


class MenuSnippetViewSet(SnippetViewSet):
    """The base of every translatable snippet with its own item in the admin menu (themes, funders, help
    locations): found by its name, each row's language shown and filtered on, so an editor can see one
    language's entries at a time."""

    add_to_admin_menu = True
    list_filter = ["locale"]
    search_fields = ["name"]

    def get_index_view_kwargs(self, **kwargs):
        """Each row's language after its name. An entry exists once per language, often under the same name (help
        addresses, funders), and Wagtail's own language column goes when a viewset names its columns: without it
        "Veilig Thuis" was listed five times and nothing said which one was the Dutch."""
        view_kwargs = super().get_index_view_kwargs(**kwargs)
        columns = view_kwargs["list_display"]
        if columns is not self.UNDEFINED:
            view_kwargs["list_display"] = [columns[0], LocaleColumn(label=_("Taal")), *columns[1:]]
        return view_kwargs


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
