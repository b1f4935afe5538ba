"""Every visitor's form has the same honeypot (security/honeypot.py): people never reach it, bots fill it in.

It sits in an aria-hidden box (components/form_fields.html), so a keyboard must skip it (axe `aria-hidden-focus`:
a screen-reader user would Tab into a field nobody announces) and a browser must not autofill it (a person's
autofilled form would be thrown away as a bot's). The newsletter's forms once declared their own without both.
"""

from __future__ import annotations

import pytest

from campaigns.models import SignupFormPage
from newsletter.forms import RequestLinkForm, SubscribeForm
from newsletter.models import MailingList
from security.honeypot import HONEYPOT_FIELD


def _honeypot_html(form) -> str:
    return str(form[HONEYPOT_FIELD])


@pytest.mark.django_db
def test_every_visitors_form_has_the_honeypot_the_keyboard_and_autofill_skip():
    forms = [
        SignupFormPage.objects.get(slug="petitie").get_form_class()(),
        SubscribeForm(lists=MailingList.objects.all(), languages=["nl"]),
        RequestLinkForm(),
    ]
    for form in forms:
        html = _honeypot_html(form)
        assert 'tabindex="-1"' in html and 'autocomplete="off"' in html, (type(form).__name__, html)
        assert form.fields[HONEYPOT_FIELD].required is False
