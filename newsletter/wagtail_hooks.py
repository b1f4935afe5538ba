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
        # Importing the old subscriber list (Eindredactie only, newsletter/import_views.py).
        path("abonnees-importeren/", import_views.import_start, name="import"),
        path("abonnees-importeren/voorbeeld/", import_views.import_preview, name="import_preview"),
        path("abonnees-importeren/bevestigen/", import_views.import_confirm, name="import_confirm"),
        path("abonnees-importeren/<db_id:batch_id>/ongedaan-maken/", import_views.import_undo, name="import_undo"),
    ]
    return [path("nieuwsbrief/", include((urlpatterns, "newsletter_admin"), namespace="newsletter_admin"))]
