"""The admin's form for an event (the snippet editor): one event per Kenmerk in each language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class EventForm(WagtailAdminModelForm):
    """Checks the Kenmerk against the other events of the same language: the database's unique constraint names
    the locale, which the form does not edit, so without this the editor got an error page."""

    def clean(self):
        cleaned = super().clean()
        kenmerk = cleaned.get("external_id")
        locale_id = self.instance.locale_id
        if kenmerk and locale_id:
            others = type(self.instance).objects.filter(locale_id=locale_id, external_id__iexact=kenmerk)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error("external_id", _("Er is al een activiteit met dit kenmerk."))
        return cleaned
