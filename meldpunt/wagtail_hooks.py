"""Registers the Meldpunt in the admin: its menu (reports, locations, access log), the retention settings and the
dashboard panels. Only registering happens here (meldpunt/viewsets.py, meldpunt/dashboard.py)."""

from __future__ import annotations

from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting

from meldpunt.dashboard import MeldpuntCountsPanel, MeldpuntPanel
from meldpunt.models import MeldpuntSettings
from meldpunt.viewsets import MeldpuntViewSetGroup

register_setting(MeldpuntSettings, icon="warning")


@hooks.register("register_admin_viewset")
def register_meldpunt_viewsets():
    return MeldpuntViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_meldpunt_panels(request, panels):
    user = request.user
    if user.has_perm("meldpunt.change_report"):
        panels.append(MeldpuntPanel(user))
    elif user.has_perm("meldpunt.view_counts"):
        panels.append(MeldpuntCountsPanel())


# The register import (meldpunt-numbers): its admin URLs and menu item.
from meldpunt import import_hooks  # noqa: E402, F401 - registers its hooks on import
