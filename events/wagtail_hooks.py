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


AGENDA_MENU = [
    # (label, URL name, icon, permissions the user needs)
    (_("Activiteiten"), "wagtailsnippets_events_event:list", "date", ("events.view_event",)),
    (_("Agenda importeren"), "events_admin:import", "upload", views.IMPORT_PERMISSIONS),
    (_("Importgeschiedenis"), "events_admin:history", "history", ("events.view_importbatch",)),
    (_("Agenda exporteren"), "events_admin:export", "download", views.EXPORT_PERMISSIONS),
]


@hooks.register("register_admin_menu_item")
def register_agenda_menu():
    items = [
        PermissionMenuItem(label, reverse(url_name), icon_name=icon, order=100 * number, permissions=permissions)
        for number, (label, url_name, icon, permissions) in enumerate(AGENDA_MENU, start=1)
    ]
    return SubmenuMenuItem(_("Agenda"), Menu(items=items), icon_name="date", order=250)
