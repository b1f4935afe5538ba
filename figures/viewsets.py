"""Admin viewsets for the shelter figures: the shelters themselves (LOS staff)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from figures.forms import ShelterForm
from figures.models import Shelter


class ShelterViewSet(SnippetViewSet):
    """Participating shelters and their coordinators; for LOS staff."""

    model = Shelter
    icon = "home"
    menu_label = _("Opvangen")
    add_to_admin_menu = False
    list_display = ["name", "city", "region", "withdrawn_at"]
    list_filter = ["region"]
    search_fields = ["name", "city", "organisation"]
    edit_handler = ObjectList(Shelter.panels, base_form_class=ShelterForm)
