"""Registers the newsletter in the admin: the "Nieuwsbrief" menu, the sending and import views and the dashboard
panel."""

from __future__ import annotations

from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from editors.menus import register_dashboard_panel
from newsletter import admin_views, import_views
from newsletter.dashboard import NewsletterPanel
from newsletter.viewsets import NewsletterViewSetGroup

register_snippet(NewsletterViewSetGroup)
register_dashboard_panel("newsletter.view_issue", lambda request: NewsletterPanel())


@hooks.register("register_admin_urls")
def register_admin_urls():
    urlpatterns = [
        path("<db_id:issue_id>/versturen/", admin_views.send_view, name="send"),
        path("<db_id:issue_id>/voortgang/", admin_views.progress_view, name="progress"),
    ]
    return [
        # Importing the old subscriber list (Eindredactie only, newsletter/import_views.py).
        path("nieuwsbrief/abonnees-importeren/", import_views.flow.urls()),
        path("nieuwsbrief/", include((urlpatterns, "newsletter_admin"), namespace="newsletter_admin")),
    ]
