from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/verify/", two_factor.verify, name="security_2fa_verify"),
        path("2fa/setup/", two_factor.setup, name="security_2fa_setup"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("security_2fa_setup"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Een nieuwe telefoon of authenticator-app koppelen en nieuwe reservecodes maken."),
    }
