"""Registers the agenda in the Wagtail admin: the events snippet and the "Agenda" menu with import and history."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from events import views
from events.dashboard import RecentImportsPanel
from events.viewsets import EventViewSet

register_snippet(EventViewSet)


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with all of `permissions`."""

    def __init__(self, *args, permissions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


@hooks.register("construct_homepage_panels")
def add_recent_imports_panel(request, panels):
    if request.user.has_perm("events.view_importbatch"):
        panels.append(RecentImportsPanel())


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("agenda/", include((views.urlpatterns, "events_admin"), namespace="events_admin"))]


@hooks.register("register_admin_menu_item")
def register_agenda_menu():
    menu = Menu(
        items=[
            PermissionMenuItem(
                _("Activiteiten"),
                reverse("wagtailsnippets_events_event:list"),
                icon_name="date",
                order=100,
                permissions=("events.view_event",),
            ),
            PermissionMenuItem(
                _("Agenda importeren"),
                reverse("events_admin:import"),
                icon_name="upload",
                order=200,
                permissions=views.IMPORT_PERMISSIONS,
            ),
            PermissionMenuItem(
                _("Importgeschiedenis"),
                reverse("events_admin:history"),
                icon_name="history",
                order=300,
                permissions=("events.view_importbatch",),
            ),
            PermissionMenuItem(
                _("Agenda exporteren"),
                reverse("events_admin:export"),
                icon_name="download",
                order=400,
                permissions=views.EXPORT_PERMISSIONS,
            ),
        ]
    )
    return SubmenuMenuItem(_("Agenda"), menu, icon_name="date", order=250)
