"""The agenda's panel on the editors' dashboard: the latest imports."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from events.models import ImportBatch


class RecentImportsPanel(Component):
    """The latest agenda imports, with who ran them and what they did."""

    name = "los_recent_imports"
    order = 260
    template_name = "events/admin/panel_recent_imports.html"

    def get_context_data(self, parent_context=None):
        return {"batches": ImportBatch.objects.select_related("user").order_by("-created_at", "-pk")[:5]}
