"""Admin forms: the image form refuses images whose location data cannot be removed (security/uploads.py) and
explains the image's description (Wagtail 8 uses it as the default alt text); the page form shows a slug conflict
under the title too (every page type's base form, set in editors/apps.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.images.forms import BaseImageForm

from security.uploads import LocationSafeImageForm


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
