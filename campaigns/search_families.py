"""How campaigns, projects and the iLegalevrouw microsite take part in search (see search/registry.py).

The microsite is a site of its own: its search shows only its own pages (search/scope.py), so its pages join
the general "page" family, the only type a microsite visitor sees."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.registry import SearchFamily, add_pages, register

register(
    SearchFamily(
        model_label="campaigns.CampaignPage",
        key="campaign",
        date_field="start_date",
        theme_field="themes",
        text_fields=("search_description", "tagline", "intro"),
        stream_fields=("body",),
        label_text=_("Campagne"),
    )
)
register(
    SearchFamily(
        model_label="campaigns.ProjectPage",
        key="project",
        theme_field="themes",
        text_fields=("search_description", "intro", "partners"),
        stream_fields=("body",),
        label_text=_("Project"),
    )
)
add_pages(
    "page",
    "campaigns.CampaignIndexPage",
    "campaigns.ProjectIndexPage",
    "campaigns.MicrositeHomePage",
    "campaigns.MicrositePage",
    "campaigns.HelpFinderPage",
)
