"""What a feature app adds to the admin, shown by permission: menu items, its submenu, its dashboard panel.

Wagtail shows every registered menu item and panel to everyone who may use the admin; a feature's menu and panel
should only show what the user may open (the views check again: hiding is for clarity, not protection).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with all of `permissions`."""

    def __init__(self, *args, permissions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


def permission_submenu(label, *, icon: str, order: int, entries: Iterable[tuple]) -> SubmenuMenuItem:
    """A submenu from (label, URL name, icon, permissions the user needs) rows, in that order."""
    items = [
        PermissionMenuItem(text, reverse(url_name), icon_name=item_icon, order=100 * number, permissions=permissions)
        for number, (text, url_name, item_icon, permissions) in enumerate(entries, start=1)
    ]
    return SubmenuMenuItem(label, Menu(items=items), icon_name=icon, order=order)


def register_dashboard_panel(permission: str, make_panel) -> None:
    """Put `make_panel(request)` on the dashboard of users with `permission` (the app's `construct_homepage_panels`
    hook, registered from its wagtail_hooks.py)."""

    @hooks.register("construct_homepage_panels")
    def add_panel(request, panels) -> None:
        if request.user.has_perm(permission):
            panels.append(make_panel(request))
