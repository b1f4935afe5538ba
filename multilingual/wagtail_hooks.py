"""Admin registrations of the translation workflow: the translation status report and the missing-translation
notice for pages served in a language they do not exist in."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from multilingual import missing_translation
from multilingual.admin_views import TranslationStatusView
from multilingual.cascade import follow_bulk_action, plan_bulk_translations, translated_pages_to_cascade

hooks.register("before_serve_page", missing_translation.serve_mismatch)
hooks.register("construct_translated_pages_to_cascade_actions", translated_pages_to_cascade)
# The page listing's bulk delete and move take translations along too (multilingual/cascade.py).
hooks.register("before_bulk_action", plan_bulk_translations)
hooks.register("after_bulk_action", follow_bulk_action)


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [path("reports/vertaalstatus/", TranslationStatusView.as_view(), name="los_translation_status")]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(_("Vertaalstatus"), reverse("los_translation_status"), icon_name="globe", order=700)
