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


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["http://spam.example", "x" * 100_000, "<script>alert(1)</script>", "’ OR 1=1 --"])
def test_a_filled_honeypot_gets_a_persons_answer_and_nothing_is_kept(client, settings, value):
    """Whatever a bot puts in it (a huge value too: no length limit whose error would give the trap away)."""
    from campaigns.models import SignupCounter, SignupSubmission
    from newsletter.models import NewsletterPage, Subscriber

    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = (10_000, 600)
    petition = SignupFormPage.objects.get(slug="petitie")
    counted = SignupCounter.objects.filter(page=petition).values_list("count", flat=True).first() or 0
    data = {"naam": "Bot", "woonplaats": "Utrecht", "privacy_consent": "on", HONEYPOT_FIELD: value}
    assert client.post(f"/aanmelden/{petition.pk}/", data).status_code == 302
    assert not SignupSubmission.objects.filter(page=petition).exists()
    assert (SignupCounter.objects.filter(page=petition).values_list("count", flat=True).first() or 0) == counted

    page = NewsletterPage.objects.filter(locale__language_code="nl").first()
    lists = [MailingList.objects.get(slug="los-nieuws").pk]
    data = {"email": "bot@example.org", "lists": lists, "language": "nl", "consent": "on", HONEYPOT_FIELD: value}
    assert client.post(f"/nieuwsbrief/aanmelden/{page.pk}/", data).status_code == 302
    assert not Subscriber.objects.with_address("bot@example.org").exists()
