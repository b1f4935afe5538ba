"""The register import in the admin: its URLs (/admin/meldpunt-import/) and a menu item for those who may use it.
Imported from meldpunt/wagtail_hooks.py (Wagtail loads only that module)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from meldpunt import import_views


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(import_views.IMPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("meldpunt-import/", import_views.flow.urls())]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(_("Meldingen importeren"), reverse("meldpunt_import:start"), icon_name="upload", order=900)
