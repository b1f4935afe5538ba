"""Registers the shelter figures in the admin: the shelters snippet, the figures views, the menu and the panel."""

from __future__ import annotations

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from editors.menus import permission_submenu, register_dashboard_panel
from figures import client_views, import_views, views
from figures.dashboard import FiguresPanel
from figures.viewsets import ShelterViewSet

register_snippet(ShelterViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        *views.urlpatterns,
        path("<int:shelter_id>/clientenlijst/", client_views.clients, name="clients"),
        path("import/sjabloon.xlsx", import_views.import_template, name="import_template"),
    ]
    return [
        path("cijfers/import/", import_views.flow.urls()),
        path("cijfers/", include((urls, "figures_admin"), namespace="figures_admin")),
    ]


register_dashboard_panel("figures.view_quarterfigures", lambda request: FiguresPanel(request.user))


FIGURES_MENU = [
    # (label, URL name, icon, permissions the user needs)
    (_("Kwartaalcijfers"), "figures_admin:index", "table", views.VIEW),
    (_("Opvangen"), "wagtailsnippets_figures_shelter:list", "home", ("figures.change_shelter",)),
]


@hooks.register("register_admin_menu_item")
def register_figures_menu():
    return permission_submenu(_("Opvangcijfers"), icon="table", order=260, entries=FIGURES_MENU)
