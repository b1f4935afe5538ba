"""The report form: only locations in use (plus the report's own), topics as checkboxes, a bounded description,
dates that can be true."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from editors.roles import MELDPUNT
from meldpunt.models import DetentionLocation, Status
from spreadsheets.parsing import MIN_YEAR

MAX_DESCRIPTION = 5000  # a phone call's summary; more is a paste by mistake (and would be kept for years)
MAX_CONTACT = 500


class ReportForm(WagtailAdminModelForm):
    """Used by the short create form and the full edit form (their panels choose the fields)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django gives a field with a callable default ("today": the date received, a referral's date) a hidden
        # copy of its first value to compare with, which Wagtail's panels never render. Without that copy every
        # save counted those dates as changed, and the case history named fields nobody had touched
        # (ReportEditView.save_instance): compare with the stored value instead.
        for form in (self, *(form for formset in self.formsets.values() for form in formset.forms)):
            for field in form.fields.values():
                field.show_hidden_initial = False
        if "location" in self.fields:
            current = self.instance.location_id if self.instance.pk else None
            self.fields["location"].queryset = DetentionLocation.objects.filter(Q(active=True) | Q(pk=current))
        if "assigned_to" in self.fields:
            # Only people who may follow a report up (the Meldpunt's staff), not every account of the site.
            current = self.instance.assigned_to_id
            self.fields["assigned_to"].queryset = (
                get_user_model()
                .objects.filter(Q(groups__name=MELDPUNT) | Q(is_superuser=True, is_active=True) | Q(pk=current))
                .distinct()
                .order_by("first_name", "username")
            )
        if "topics" in self.fields:
            self.fields["topics"].widget = forms.CheckboxSelectMultiple(choices=self.fields["topics"].choices)
        for name, limit in (("description", MAX_DESCRIPTION), ("contact", MAX_CONTACT)):
            if name in self.fields:
                self.fields[name].max_length = limit
                self.fields[name].widget.attrs["maxlength"] = limit
                self.fields[name].validators.append(_MaxLength(limit))

    # A mistyped year (9999, 0001, 2062) is no day a report came in or closed: retention counts from these dates,
    # so one in the future kept the description for decades and the public figures counted from year 1. The
    # register import refuses the same (meldpunt/importing.py, spreadsheets/parsing.py MIN_YEAR).
    def clean_received_on(self):
        return _past_day(self.cleaned_data.get("received_on"), _("Vul de dag in waarop de melding binnenkwam."))

    def clean_closed_on(self):
        return _past_day(
            self.cleaned_data.get("closed_on"),
            _("Vul de dag in waarop de melding is afgesloten, of laat het veld leeg: dan wordt het vandaag."),
        )

    def clean(self):
        cleaned = super().clean()
        received, follow_up = cleaned.get("received_on"), cleaned.get("follow_up_on")
        if received and follow_up and follow_up < received:
            self.add_error("follow_up_on", _("Opvolgen kan niet vóór de datum van ontvangst."))
        closed = cleaned.get("closed_on")
        if received and closed and closed < received:
            self.add_error("closed_on", _("Afsluiten kan niet vóór de datum van ontvangst. Controleer beide datums."))
        if cleaned.get("outcome") and cleaned.get("status") not in (Status.CLOSED, Status.ANSWERED):
            self.add_error("outcome", _("Vul de uitkomst in als de melding beantwoord of afgesloten is."))
        return cleaned


def _past_day(day: datetime.date | None, what_to_do) -> datetime.date | None:
    """`day` if it lies between 1900 and today; otherwise a message that says what is wrong and what to fill in."""
    if day is None:
        return day
    today = timezone.localdate()
    if day > today:
        raise ValidationError(_("Deze datum ligt in de toekomst. %(what_to_do)s"), params={"what_to_do": what_to_do})
    if day.year < MIN_YEAR:
        # The import's message (spreadsheets/parsing.py checked_year), with today's year as the last.
        raise ValidationError(
            _("De datum '%(value)s' ligt niet tussen %(first)s en %(last)s. Controleer het jaar."),
            params={"value": date_format(day, "SHORT_DATE_FORMAT"), "first": MIN_YEAR, "last": today.year},
        )
    return day


class _MaxLength:
    """Django's MaxLengthValidator with a message in the editor's language that says how long it may be."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, value: str) -> None:
        if value and len(value) > self.limit:
            raise ValidationError(
                _("Maximaal %(limit)d tekens (nu %(length)d). Houd het kort: alleen wat nodig is voor de opvolging."),
                params={"limit": self.limit, "length": len(value)},
            )
