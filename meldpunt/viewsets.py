"""The Meldpunt's admin: the reports queue (list with filters, short create form, full edit form with referrals and
case history), the access log, the detention locations. Only the group Meldpunt holds these models' permissions
(editors/roles.py); Wagtail's model permission policy does the rest.

Reports are a ModelViewSet, not a snippet: Wagtail gives every snippet a chooser that any editor may open.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.active_filters import ActiveFilter, BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from meldpunt.forms import ReportForm
from meldpunt.history import changed_fields_summary, record_access, record_change
from meldpunt.models import (
    AccessKind,
    DetentionLocation,
    MeldpuntSettings,
    Report,
    ReportAccess,
    Status,
    Topic,
    Urgency,
)
from meldpunt.retention import upcoming


def this_week(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    monday = today - datetime.timedelta(days=today.weekday())
    return monday, monday + datetime.timedelta(days=6)


class SwitchCheckbox(forms.CheckboxInput):
    """Unticked means "no filter" (None), not False: Wagtail shows a chip for every value but None."""

    def value_from_datadict(self, data, files, name):
        return super().value_from_datadict(data, files, name) or None


class SwitchFilter(django_filters.BooleanFilter):
    """A filter that is on (ticked) or off, with a chip that says "ja" while it is on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, widget=SwitchCheckbox, **kwargs)


class SwitchFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id, self.filter.label, _("ja"), self.get_url_without_filter_param(self.name)
        )


register_filter_adapter_class(SwitchFilter, SwitchFilterAdapter)


class DayColumn(Column):
    """A date as a date ("3-12-2026" in Dutch), not Wagtail's "3 days ago": a report's day is what staff quote."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "SHORT_DATE_FORMAT") if value else ""


class MomentColumn(Column):
    """A moment as date and time ("5-12-2026 09:32"), not Wagtail's "Zojuist": the access log is evidence, and a
    phone shows no tooltip with the exact time."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


# Columns a 360 px phone does without (meldpunt/static/meldpunt/admin/queue.css hides them): the reference, the
# day, the urgency and the status fit; the rest is in the report.
WIDE_ONLY = "mp-wide-only"


class ReportFilterSet(WagtailFilterSet):
    """Status, location, topic, urgency, the date received, and "my follow-ups this week"."""

    mine_this_week = SwitchFilter(label=_("Mijn opvolgingen deze week"), method="filter_mine_this_week")
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, widget=forms.CheckboxSelectMultiple)
    urgency = django_filters.ChoiceFilter(choices=Urgency.choices, label=_("Urgentie"))
    location = django_filters.ModelChoiceFilter(queryset=DetentionLocation.objects.all(), label=_("Locatie"))
    topics = django_filters.ModelChoiceFilter(queryset=Topic.objects.all(), label=_("Onderwerp"))
    received_on = django_filters.DateFromToRangeFilter(label=_("Ontvangen"), widget=DateRangePickerWidget)

    class Meta:
        model = Report
        fields = ["mine_this_week", "status", "urgency", "location", "topics", "received_on"]

    def filter_mine_this_week(self, queryset, name, value):
        if not value:
            return queryset
        monday, sunday = this_week(timezone.localdate())
        return queryset.filter(assigned_to=self.request.user, follow_up_on__range=(monday, sunday))


class MeldpuntIndexView(generic.IndexView):
    # Wagtail answers ?export=csv even without export columns: no list of the Meldpunt offers a download at all
    # (so nothing about a report, who read it or where leaves the admin as a file, and the access log needs no
    # "exported" kind; docs/meldpunt.md). Every viewset of the Meldpunt uses this view (MeldpuntModelViewSet).
    FORMATS = ()


class MeldpuntStyles:
    """The Meldpunt's own styles for a phone: its lists (queue.css) or its report forms (form.css)."""

    stylesheet = "meldpunt/admin/queue.css"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["media"] += forms.Media(css={"all": [self.stylesheet]})
        return context


class ReportIndexView(MeldpuntStyles, MeldpuntIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("location", "assigned_to")


class AccessLogIndexView(MeldpuntStyles, MeldpuntIndexView):
    """The access log, on a phone as the queue: each reference on one line. Its title is the log's name, as in the
    menu; the model's plural ("inzagen") counts its entries ("3 inzagen")."""

    page_title = _("Inzagelog")


class ReportCreateView(MeldpuntStyles, generic.CreateView):
    """The short form: whoever registers follows the report up until someone else takes it."""

    stylesheet = "meldpunt/admin/form.css"

    def save_instance(self):
        report = self.form.instance
        report.assigned_to = report.assigned_to or self.request.user
        report = super().save_instance()
        record_change(report, self.request.user, str(_("Geregistreerd")))
        return report


class ReportEditView(MeldpuntStyles, generic.EditView):
    """Opening the form shows the description: every opening is logged (ReportAccess), every save summarised."""

    stylesheet = "meldpunt/admin/form.css"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        what = AccessKind.CONTACT_VIEWED if self.object.contact else AccessKind.VIEWED
        record_access(self.object, request.user, what)
        return response

    def save_instance(self):
        changed = list(self.form.changed_data)
        if any(formset.has_changed() for formset in self.form.formsets.values()):
            changed.append("referrals")
        had_contact = bool(self.form.initial.get("contact") or self.form.cleaned_data.get("contact"))
        report = super().save_instance()
        if changed:
            record_change(report, self.request.user, changed_fields_summary(Report, changed))
        if had_contact and report.status == Status.CLOSED:  # Report.apply_status deleted them: said as retention does
            record_change(report, self.request.user, str(_("Contactgegevens verwijderd (afgesloten)")))
        return report


class UpcomingRemovalsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The full list of what retention removes next (the dashboard shows ten), so nobody is surprised when a
    description they still need goes: references and dates only, soonest first. The Meldpunt's staff only."""

    model = Report
    permission_required = "change"
    template_name = "meldpunt/admin/upcoming_removals.html"
    page_title = _("Binnenkort verwijderd (bewaartermijn)")
    header_icon = "warning"
    columns = [
        TitleColumn(
            "reference",
            label=_("Kenmerk"),
            accessor="report.reference",
            url_name="meldpunt_report:edit",
            id_accessor="report.pk",
        ),
        DayColumn("on", label=_("Verwijderd op")),
        Column("label", label=_("Wat")),
    ]

    def get_breadcrumbs_items(self):
        queue = {"url": reverse("meldpunt_report:index"), "label": _("Meldingen")}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(upcoming(limit=None), 100).get_page(self.request.GET.get("p"))
        table = Table(self.columns, page.object_list, classname="listing")
        return {**context, "page_obj": page, "table": table, "settings": MeldpuntSettings.load()}


CREATE_PANELS = ObjectList(
    [
        FieldRowPanel([FieldPanel("received_on"), FieldPanel("channel")]),
        FieldPanel("location"),
        FieldPanel("topics"),
        FieldPanel("description"),
        FieldPanel("urgency"),
    ],
    base_form_class=ReportForm,
)

EDIT_PANELS = ObjectList(
    [
        HelpPanel(template="meldpunt/admin/reference_panel.html", heading=_("Kenmerk")),
        FieldRowPanel([FieldPanel("received_on"), FieldPanel("channel")]),
        FieldPanel("location"),
        FieldPanel("topics"),
        FieldPanel("description"),
        FieldPanel("urgency"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("outcome")]),
                FieldRowPanel([FieldPanel("assigned_to"), FieldPanel("follow_up_on")]),
                FieldPanel("closed_on"),
                FieldPanel("contact"),
            ],
            heading=_("Opvolging"),
        ),
        InlinePanel("referrals", heading=_("Doorverwijzingen"), label=_("doorverwijzing")),
        HelpPanel(template="meldpunt/admin/case_history_panel.html", heading=_("Geschiedenis")),
    ],
    base_form_class=ReportForm,
)


class MeldpuntModelViewSet(ModelViewSet):
    """What the Meldpunt's viewsets share: listed in the Meldpunt menu (not the admin's own), no copy, no download
    of a list, and search in the database only (no search index ever holds a report, its log or a location)."""

    add_to_admin_menu = False
    copy_view_enabled = False
    search_backend_name = None
    index_view_class = MeldpuntIndexView


class ReportViewSet(MeldpuntModelViewSet):
    """The reports queue of the Meldpunt: register, filter, follow up."""

    model = Report
    name = "meldpunt_report"
    icon = "warning"
    menu_label = _("Meldingen")
    url_prefix = "meldpunt/meldingen"
    index_view_class = ReportIndexView
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    inspect_view_enabled = False
    edit_handler = EDIT_PANELS
    filterset_class = ReportFilterSet
    # Callers quote their reference when they call back: search finds it (in the database, no search index).
    search_fields = ["reference"]
    list_display = [
        "reference",  # the first column links to the report
        DayColumn("received_on", label=_("Ontvangen"), sort_key="received_on"),
        Column("location", label=_("Locatie"), classname=WIDE_ONLY),
        "urgency",
        "status",
        Column("assigned_to", label=_("Opgevolgd door"), classname=WIDE_ONLY),
        DayColumn("follow_up_on", label=_("Opvolgen op"), sort_key="follow_up_on", classname=WIDE_ONLY),
    ]
    list_per_page = 50

    def get_urlpatterns(self):
        # The full list behind the dashboard's "Binnenkort verwijderd": the same staff, the same permission.
        removals = path("bewaartermijn/", UpcomingRemovalsView.as_view(), name="upcoming_removals")
        return [*super().get_urlpatterns(), removals]

    def get_add_view_kwargs(self, **kwargs):
        panel = CREATE_PANELS.bind_to_model(Report)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The access log is evidence: nobody, not even a superuser, adds, changes or deletes an entry in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_any_permission(user, ["view"])


register_permission_policy(ReportAccess, ReadOnlyPolicy(ReportAccess))


class ReportAccessViewSet(MeldpuntModelViewSet):
    """Who opened which report when: read only (nobody holds add/change/delete of the access log)."""

    model = ReportAccess
    name = "meldpunt_reportaccess"
    icon = "view"
    menu_label = _("Inzagelog")
    url_prefix = "meldpunt/inzagelog"
    form_fields = ["what"]  # never used: the view permission only lists
    # The user name written with the entry, not the account: it stays when the account is deleted.
    index_view_class = AccessLogIndexView
    list_display = ["reference", "username", "what", MomentColumn("at", label=_("Op"), sort_key="at")]
    list_filter = ["what"]
    search_fields = ["reference", "username"]
    list_per_page = 100


class DetentionLocationViewSet(MeldpuntModelViewSet):
    """The editable list of detention locations."""

    model = DetentionLocation
    name = "meldpunt_location"
    icon = "site"
    menu_label = _("Detentielocaties")
    url_prefix = "meldpunt/locaties"
    list_display = ["name", "kind", "active"]
    list_filter = ["kind", "active"]


class MeldpuntViewSetGroup(ModelViewSetGroup):
    """The "Meldpunt" menu: only its group sees it (each item checks its model's permissions)."""

    items = (ReportViewSet, DetentionLocationViewSet, ReportAccessViewSet)
    menu_icon = "warning"
    menu_label = _("Meldpunt")
    menu_order = 270
