from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from home import missing_translation
from home.admin_views import TranslationStatusView
from home.viewsets import ThemeViewSet

register_snippet(ThemeViewSet)
hooks.register("before_serve_page", missing_translation.serve_mismatch)


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [path("reports/vertaalstatus/", TranslationStatusView.as_view(), name="los_translation_status")]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(_("Vertaalstatus"), reverse("los_translation_status"), icon_name="globe", order=700)
