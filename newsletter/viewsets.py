"""Admin viewsets of the newsletter: issues (Redactie), lists and subscribers (Eindredactie only: addresses are
personal data), grouped under one "Nieuwsbrief" menu."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from newsletter.import_views import IMPORT_PERMISSION
from newsletter.models import Issue, MailingList, Subscriber

SEND_PERMISSION = "newsletter.send_issue"


class IssueIndexView(IndexView):
    """The list of issues, with "Versturen" and "Voortgang" for each."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if instance.is_editable and user.has_perm(SEND_PERMISSION):
            url = reverse("newsletter_admin:send", args=[instance.pk])
            buttons.append(ListingButton(_("Test en versturen"), url, icon_name="mail", priority=5))
        if not instance.is_editable:
            url = reverse("newsletter_admin:progress", args=[instance.pk])
            buttons.append(ListingButton(_("Voortgang"), url, icon_name="time", priority=5))
        return buttons


class IssueCreateView(CreateView):
    """A new issue starts with the last two weeks' news, publications and coming events."""

    def get_initial_form_instance(self):
        return Issue(items=Issue.proposed_items())


class IssueEditView(EditView):
    """An issue can be changed until it is sent or scheduled; after that its progress page is shown."""

    def dispatch(self, request, *args, **kwargs):
        issue = self.get_object()
        if not issue.is_editable:
            messages.info(request, _("Deze nieuwsbrief is verstuurd of ingepland en kan niet meer worden gewijzigd."))
            return redirect("newsletter_admin:progress", issue.pk)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def header_buttons(self):
        """ "Test en versturen" next to the title, where the Redactie looks for the next step."""
        if not self.request.user.has_perm(SEND_PERMISSION):
            return []
        url = reverse("newsletter_admin:send", args=[self.object.pk])
        return [HeaderButton(_("Test en versturen"), url, icon_name="mail", priority=5)]


class IssueViewSet(SnippetViewSet):
    """Newsletter issues: compose, preview as HTML or plain text (also at phone width), test, send."""

    model = Issue
    icon = "mail"
    menu_label = _("Nieuwsbrieven")
    index_view_class = IssueIndexView
    add_view_class = IssueCreateView
    edit_view_class = IssueEditView
    list_display = ["subject", "mailing_list", "language", "status", Column("sent_at", label=_("Verstuurd op"))]
    list_filter = ["mailing_list", "status", "language"]
    search_fields = ["subject"]
    copy_view_enabled = True


class NoAddPolicy(ModelPermissionPolicy):
    """Subscribers come only from the form (double opt-in) and the import: nobody adds one by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(Subscriber, NoAddPolicy(Subscriber))


class SubscriberIndexView(IndexView):
    """The subscribers, with "Oude lijst importeren" for who may import (newsletter/import_views.py)."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(IMPORT_PERMISSION):
            url = reverse("newsletter_import:start")
            buttons.append(HeaderButton(_("Oude lijst importeren"), url, icon_name="upload", priority=20))
        return buttons


class SubscriberViewSet(SnippetViewSet):
    """Subscribers' addresses, for the Eindredactie only (view and delete on request, import the old list)."""

    model = Subscriber
    icon = "user"
    menu_label = _("Abonnees")
    index_view_class = SubscriberIndexView
    list_display = ["email", "language", "confirmed_at", "source", "import_batch", "created_at"]
    list_filter = ["lists", "language", "source", "import_batch"]

    def get_queryset(self, request):
        return Subscriber.objects.select_related("import_batch")  # the import column, without a query per row

    search_fields = ["email"]
    copy_view_enabled = False


class MailingListViewSet(SnippetViewSet):
    """The lists, their sender names and look."""

    model = MailingList
    icon = "list-ul"
    menu_label = _("Lijsten")
    list_display = ["name", "sender_name"]


class NewsletterViewSetGroup(SnippetViewSetGroup):
    """The "Nieuwsbrief" menu."""

    items = (IssueViewSet, MailingListViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Nieuwsbrief")
    menu_order = 260
