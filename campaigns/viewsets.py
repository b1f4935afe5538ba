"""Admin viewsets: help locations (snippet) and moderation of organisations' sign-ons."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from campaigns.models import HelpLocation, SignupSubmission
from home.viewsets import MenuSnippetViewSet


class HelpLocationViewSet(MenuSnippetViewSet):
    """Places to get help, listed by the help finder on the microsite."""

    model = HelpLocation
    icon = "site"
    menu_label = _("Hulpadressen")
    menu_order = 210
    list_display = ["name", "kind", "city"]
    list_filter = ["kind", *MenuSnippetViewSet.list_filter]
    search_fields = [*MenuSnippetViewSet.search_fields, "city"]


class SignOnPermissionPolicy(ModelPermissionPolicy):
    """Sign-ons come from the public form only: moderators may approve or delete, never add."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class YesNoColumn(Column):
    """A yes/no field as "ja" or "nee" (Wagtail prints Python's "True" and "False")."""

    def get_value(self, instance):
        return _("ja") if super().get_value(instance) else _("nee")


class SignOnIndexView(generic.IndexView):
    # Named as in the menu: the model's own name ("Aanmeldingen") is that of every sign-up, petitions included.
    page_title = _("Ondertekeningen")


class OrganisationSignOnViewSet(ModelViewSet):
    """Moderation of organisations' sign-ons: only approved ones are shown on the campaign page."""

    model = SignupSubmission
    icon = "group"
    menu_label = _("Ondertekeningen")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = SignOnIndexView
    form_fields = ["approved"]
    # In Dutch: Wagtail's form submission names its page "page", and a yes/no field shows as True/False.
    list_display = [
        "organisation",
        Column("page", label=_("Formulier")),
        "submit_time",
        YesNoColumn("approved", label=_("Goedgekeurd"), sort_key="approved"),
    ]
    list_filter = ["approved"]
    search_fields = ["organisation"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_queryset(self, request):
        return SignupSubmission.objects.exclude(organisation="").select_related("page")
