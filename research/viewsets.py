"""Admin viewsets of the research app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from research.models import Funder


class FunderViewSet(SnippetViewSet):
    """Funders: name, logo, required acknowledgement and the period of their support."""

    model = Funder
    icon = "pick"
    menu_label = _("Fondsen")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "active_from", "active_until"]
    list_filter = ["locale"]
    search_fields = ["name"]
