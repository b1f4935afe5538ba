"""Admin registrations of the news app: the 'Reageer op nieuws' quick-create view and its menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from news import admin_views


class QuickReactionMenuItem(MenuItem):
    """Shown only to editors who may add news items."""

    def is_shown(self, request):
        return admin_views.can_react(request.user)


@hooks.register("register_admin_urls")
def register_quick_reaction_url():
    return [path("nieuws/reageer/", admin_views.quick_reaction, name="news_quick_reaction")]


@hooks.register("register_admin_menu_item")
def register_quick_reaction_menu_item():
    return QuickReactionMenuItem(_("Reageer op nieuws"), reverse("news_quick_reaction"), icon_name="edit", order=150)
