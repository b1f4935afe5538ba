"""The shelter figures' dashboard panel: which quarters the user's shelters still have to fill in."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from figures.models import Shelter


class FiguresPanel(Component):
    """Per shelter the user coordinates (all, for LOS staff): the latest quarter it reported."""

    name = "los_shelter_figures"
    order = 270
    template_name = "figures/admin/panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        shelters = Shelter.objects.for_user(self.user).participating().prefetch_related("figures")[:20]
        return {"shelters": shelters}
