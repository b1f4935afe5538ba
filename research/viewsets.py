"""Admin viewsets of the research app."""

from django.utils.translation import gettext_lazy as _

from home.viewsets import MenuSnippetViewSet
from research.models import Funder


class FunderViewSet(MenuSnippetViewSet):
    """Funders: name, logo, required acknowledgement and the period of their support."""

    model = Funder
    icon = "pick"
    menu_label = _("Fondsen")
    menu_order = 210
    list_display = ["name", "active_from", "active_until"]
