"""The first step of every import in the admin: one file field, its size checked before anything is read."""

from __future__ import annotations

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from spreadsheets.reading import MAX_FILE_BYTES
from spreadsheets.uploads import ALLOWED_EXTENSIONS


def sheet_form(label: str | Promise, help_text: str | Promise) -> type[forms.Form]:
    """The upload form of one import, its field named for that sheet (agenda, quarterly figures, Meldpunt
    register, subscribers)."""

    class SheetForm(forms.Form):
        file = forms.FileField(
            label=label,
            help_text=help_text,
            widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
        )

        def clean_file(self):
            upload = self.cleaned_data["file"]
            if upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    _("Het bestand is te groot (meer dan 10 MB). Splits het in kleinere bestanden.")
                )
            return upload

    return SheetForm
