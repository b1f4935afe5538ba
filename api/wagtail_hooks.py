from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from api.admin_views import embed_generator


@hooks.register("register_admin_urls")
def register_embed_generator_url():
    return [path("embeds/", embed_generator, name="embed_generator")]


@hooks.register("register_settings_menu_item")
def register_embed_generator_menu_item():
    return MenuItem(_("Insluiten op een andere site"), reverse("embed_generator"), icon_name="code", order=900)
