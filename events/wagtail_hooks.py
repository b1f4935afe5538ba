"""Registers the agenda in the Wagtail admin: the events snippet and the "Agenda" menu with import and history."""

from __future__ import annotations

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from editors.menus import permission_submenu, register_dashboard_panel
from events import views
from events.dashboard import RecentImportsPanel
from events.viewsets import EventViewSet

register_snippet(EventViewSet)
register_dashboard_panel("events.view_importbatch", lambda request: RecentImportsPanel())


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
    return permission_submenu(_("Agenda"), icon="date", order=250, entries=AGENDA_MENU)
