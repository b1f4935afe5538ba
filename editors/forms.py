"""Admin forms: the image form refuses images whose location data cannot be removed (security/uploads.py) and
explains the image's description (Wagtail 8 uses it as the default alt text); the page form shows a slug conflict
under the title too (every page type's base form, set in editors/apps.py); and every plain text field of every
admin form (pages, snippets, settings) leaves out the control characters text pasted from Word carries
(`PastedTextField`, registered in editors/apps.py), and every date and date-time field accepts only the years
1900-2100 (`KnownYearsDateField`, `KnownYearsDateTimeField`), the listings' date filters too
(`KnownYearsDateRangeField`)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter
from django_filters.fields import DateRangeField
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.widgets import AdminAutoHeightTextInput, AdminDateInput, AdminDateTimeInput
from wagtail.images.forms import BaseImageForm

from security.downloads import xml_text
from security.uploads import LocationSafeImageForm
from spreadsheets.parsing import CellError, checked_year


class PastedTextField(forms.CharField):
    """A text field that keeps no control characters. Word's line break (a vertical tab) comes along with pasted
    text, invisible in the admin, and went on into mail subjects, calendar files, feeds and spreadsheets, where
    several formats refuse it (the news feeds answered 500). Line and page breaks become a space."""

    def to_python(self, value):
        value = super().to_python(value)
        # An empty field of a nullable column is None (Django's `empty_value`), not text: a promoted search result
        # without a link text answered 500. A NUL byte is no paste from Word but hostile input: Django's validator
        # refuses it with a message.
        if value is None or "\x00" in value:
            return value
        return xml_text(value)


def clean_pasted_text() -> None:
    """Every model CharField and TextField in Wagtail's admin forms gets `PastedTextField` (subclasses such as
    e-mail, URL and slug fields keep their own). The TextField keeps Wagtail's growing text box."""
    register_form_field_override(models.CharField, override={"form_class": PastedTextField}, exact_class=True)
    clean_pasted_text_in(models.TextField)


def clean_pasted_text_in(text_field: type[models.TextField]) -> None:
    """The same for a TextField subclass of an app's own that holds plain text (the registration is for the exact
    class: Wagtail's RichTextField is a TextField too). The Meldpunt's encrypted contact field calls it."""
    register_form_field_override(
        text_field, override={"form_class": PastedTextField, "widget": AdminAutoHeightTextInput}, exact_class=True
    )


class _KnownYears:
    """A date a person means lies in 1900-2100, the years imports accept too (spreadsheets/parsing.py). A typo such as
    0001 or 9999 answered 500: the moment in Dutch time (an offset of 19 minutes in the year 1) or the day after
    does not exist (saving a page's revision, PostgreSQL, the agenda's calendar feed)."""

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None:
            shown = value.strip() if isinstance(value, str) else str(value)
            try:
                checked_year(result, shown[:40])
            except CellError as error:
                raise ValidationError(str(error), code="year") from None
        return result


class KnownYearsDateField(_KnownYears, forms.DateField):
    pass


class KnownYearsDateTimeField(_KnownYears, forms.DateTimeField):
    pass


class KnownYearsDateRangeField(DateRangeField):
    """django-filter's from-to date range (Wagtail's listing filters) with the same years: the first moment of
    0001-01-01 in Dutch time does not exist in UTC either (five admin listings answered 500 on SQLite)."""

    def __init__(self, *args, **kwargs):
        super(DateRangeField, self).__init__((KnownYearsDateField(), KnownYearsDateField()), *args, **kwargs)


def check_date_years() -> None:
    """Every model DateField and DateTimeField in Wagtail's admin forms (pages' publication and scheduling dates,
    snippets such as events, settings) gets the year check, with Wagtail's own date pickers."""
    register_form_field_override(
        models.DateTimeField, override={"form_class": KnownYearsDateTimeField, "widget": AdminDateTimeInput}
    )
    register_form_field_override(
        models.DateField, override={"form_class": KnownYearsDateField, "widget": AdminDateInput}
    )
    # Wagtail's listing filters (site and page history, pages, workflow reports, sign-ups, users) take their dates
    # through django-filter's from-to range, built when a listing is first filtered: one class attribute covers
    # every listing, today's and a new app's.
    DateFromToRangeFilter.field_class = KnownYearsDateRangeField


class LosLoginForm(LoginForm):
    """Wagtail's login form; its password field has no label of its own, so Django showed "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Wachtwoord")


class LosImageForm(LocationSafeImageForm, BaseImageForm):
    """Wagtail's image form with Dutch guidance on the fields that matter for accessibility."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = _("Beschrijving (alternatieve tekst)")
            self.fields["description"].help_text = _(
                "Wat is er te zien, in één zin, voor wie de afbeelding niet kan zien? Wordt gebruikt als "
                "alternatieve tekst als een pagina er geen eigen tekst bij geeft. Laat leeg bij een logo of "
                "versiering zonder betekenis."
            )
        if "title" in self.fields:
            self.fields["title"].help_text = _("Een naam om de afbeelding terug te vinden; bezoekers zien hem niet.")


class LosPageForm(WagtailAdminPageForm):
    """Wagtail's page form. A slug that is taken is reported on the "Eigenschappen" tab, where nobody looks while
    writing; slugs follow titles, so the same error also stands under the title on the first tab."""

    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("slug") and "title" in self.fields and not self.has_error("title"):
            self.add_error(
                "title",
                _(
                    "Het webadres ‘%(slug)s’ is op deze plek al in gebruik. Kies een andere titel, of pas het "
                    "webadres aan op het tabblad Eigenschappen."
                )
                % {"slug": self.data.get("slug", "")},
            )
        return cleaned_data
