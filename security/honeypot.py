"""The honeypot of every form a visitor fills in (campaign sign-ups, the newsletter's subscribe and request-a-link
forms): a field people never meet and bots fill in. It is hidden with CSS and from screen readers
(components/form_fields.html) and skipped by the keyboard (`tabindex=-1`: a keyboard user would otherwise tab into a
field a screen reader does not announce), and browsers do not autofill it. A form that comes back with it filled
in gets the answer a person would, and nothing of it is kept (campaigns/signups.py, newsletter/views.py). It has
no length limit on purpose: a limit's error message would tell a bot which field gave it away (the request's
size is bounded by DATA_UPLOAD_MAX_MEMORY_SIZE, and the value is never stored)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "hp_website"


def honeypot_field() -> forms.CharField:
    return forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
