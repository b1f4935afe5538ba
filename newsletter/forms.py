"""The visitor's forms: subscribing (address, lists, language, consent) and changing one's lists."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from multilingual.languages import language_name
from security.honeypot import honeypot_field

MAX_EMAIL_LENGTH = 254


class ListsField(forms.ModelMultipleChoiceField):
    """Checkboxes for the lists a page offers; the label is the list's name and description."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj) -> str:
        return f"{obj.name}: {obj.description}" if obj.description else obj.name


class SubscribeForm(forms.Form):
    """Only what a subscription needs: an address, the lists, a language and consent (and a honeypot for bots)."""

    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=MAX_EMAIL_LENGTH,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    lists = ListsField(
        queryset=None,
        label=_("Welke nieuwsbrieven wil je ontvangen?"),
        error_messages={"required": _("Kies minstens één nieuwsbrief."), "invalid_choice": _("Kies uit de lijst.")},
    )
    language = forms.ChoiceField(label=_("In welke taal?"))
    consent = forms.BooleanField(
        label=_("Ik wil deze nieuwsbrief ontvangen en geef toestemming om mijn e-mailadres daarvoor te bewaren."),
        error_messages={"required": _("Zonder je toestemming kunnen we je niet aanmelden.")},
    )
    hp_website = honeypot_field()

    def __init__(self, *args, lists, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = lists
        if lists.count() == 1:
            self.fields["lists"].initial = [lists.first().pk]
        self.fields["language"].choices = [(code, language_name(code)) for code in languages]
        self.fields["language"].initial = languages[0] if languages else "nl"

    def clean_email(self) -> str:
        # Addresses are compared without regard to case; stored as typed but trimmed.
        return self.cleaned_data["email"].strip()


class ChangeListsForm(forms.Form):
    """A subscriber's choice of lists, reached through the signed link in every mail."""

    lists = ListsField(
        queryset=None,
        required=False,
        label=_("Je nieuwsbrieven"),
        help_text=_("Vink alles uit om je helemaal af te melden: dan verwijderen we je adres."),
    )

    def __init__(self, *args, lists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].queryset = lists


class RequestLinkForm(forms.Form):
    """An address to mail the change-or-unsubscribe link to (for a link that expired, or a lost mail)."""

    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=MAX_EMAIL_LENGTH,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    hp_website = honeypot_field()
