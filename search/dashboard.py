"""The search app's panel on the editors' dashboard: what visitors searched for and did not find."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

ZERO_RESULT_DAYS = 30


class ZeroResultSearchesPanel(Component):
    """What visitors searched for and did not find (from the search app's statistics)."""

    name = "los_zero_result_searches"
    order = 280
    template_name = "search/admin/panel_zero_results.html"

    def get_context_data(self, parent_context=None):
        from search import stats

        return {"terms": stats.zero_result_terms(ZERO_RESULT_DAYS, limit=10), "days": ZERO_RESULT_DAYS}
