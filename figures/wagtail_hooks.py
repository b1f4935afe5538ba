"""Registers the shelter figures in the admin: the shelters snippet, the figures views, the menu and the panel."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from figures import client_views, import_views, views
from figures.dashboard import FiguresPanel
from figures.viewsets import ShelterViewSet

register_snippet(ShelterViewSet)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permissions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        *views.urlpatterns,
        path("<int:shelter_id>/clientenlijst/", client_views.clients, name="clients"),
        path("import/", import_views.import_start, name="import"),
        path("import/voorbeeld/", import_views.import_preview, name="import_preview"),
        path("import/bevestigen/", import_views.import_confirm, name="import_confirm"),
        path("import/<int:batch_id>/ongedaan-maken/", import_views.import_undo, name="import_undo"),
        path("import/sjabloon.xlsx", import_views.import_template, name="import_template"),
    ]
    return [path("cijfers/", include((urls, "figures_admin"), namespace="figures_admin"))]


@hooks.register("construct_homepage_panels")
def add_figures_panel(request, panels):
    if request.user.has_perm("figures.view_quarterfigures"):
        panels.append(FiguresPanel(request.user))


@hooks.register("register_admin_menu_item")
def register_figures_menu():
    items = [
        PermittedMenuItem(
            _("Kwartaalcijfers"), reverse("figures_admin:index"), icon_name="table", order=100, permissions=views.VIEW
        ),
        PermittedMenuItem(
            _("Opvangen"),
            reverse("wagtailsnippets_figures_shelter:list"),
            icon_name="home",
            order=200,
            permissions=("figures.change_shelter",),
        ),
    ]
    return SubmenuMenuItem(_("Opvangcijfers"), Menu(items=items), icon_name="table", order=260)
