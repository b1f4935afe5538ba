"""The staff mail about a sign-up, and what happens to the sign-up when that mail fails.

Reviewer's reproductions: a line break in the English subject (saved through wagtail-localize's translation editor,
which Wagtail's admin form cleaning does not reach) made the English form answer 500 for every visitor, counting
nothing; a "store nothing" form with the mail server down answered 500 and then turned the person's retry away for
the whole retention period, with nothing mailed, stored or counted.
"""

from __future__ import annotations

import smtplib
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from campaigns.models import SignupCounter, SignupFormPage, SignupSubmission
from security.models import PersonMark

pytestmark = pytest.mark.django_db

SIGN_ON = {
    "organisation": "Stichting Test",
    "e_mailadres_contactpersoon": "contact@example.org",
    "plaats": "Utrecht",
    "privacy_consent": "on",
    "hp_website": "",
}


def count(page) -> int:
    return SignupCounter.objects.filter(page=page).values_list("count", flat=True).first() or 0


def stored(page) -> int:
    return SignupSubmission.objects.filter(page=page).count()


def mailing_to(page, **fields) -> SignupFormPage:
    page.to_address = "campagne@stichtinglos.nl"
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return SignupFormPage.objects.get(pk=page.pk)


@pytest.fixture
def mail_server(monkeypatch):
    """Switch the mail server off (`down(error)`) and on again (`up()`)."""
    real = EmailBackend.send_messages

    class Switch:
        def down(self, error: Exception) -> None:
            def refuse(backend, messages):
                raise error

            monkeypatch.setattr(EmailBackend, "send_messages", refuse)

        def up(self) -> None:
            monkeypatch.setattr(EmailBackend, "send_messages", real)

    return Switch()


def test_a_line_break_in_the_translated_subject_breaks_no_sign_up(
    admin_client, client, sign_on, django_capture_on_commit_callbacks
):
    page = mailing_to(sign_on, subject="Nieuwe ondertekening")
    english = Locale.objects.get(language_code="en")
    admin_client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]})
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=english)
    # The translation editor saves each string with a PUT; Wagtail's admin form cleaning never sees it.
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = segment.string.data
        value = "New sign-on\nfrom the\x0bwebsite" if text == "Nieuwe ondertekening" else f"{text} EN"
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = admin_client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201)
    draft = page.get_translation(english)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"})
    english_form = SignupFormPage.objects.get(pk=draft.pk)
    assert english_form.live
    assert english_form.subject == "New sign-on from the website"  # cleaned as the translator saved it

    before = count(english_form)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/aanmelden/{english_form.pk}/", SIGN_ON)
    assert response.status_code == 302
    assert stored(english_form) == 1 and count(english_form) == before + 1
    assert [message.subject for message in mail.outbox] == ["New sign-on from the website"]


def test_a_subject_saved_with_a_line_break_is_mailed_on_one_line(client, sign_on, django_capture_on_commit_callbacks):
    # Written before the translation editor cleaned its strings, or by any other way around the admin's forms.
    page = mailing_to(sign_on, subject="Nieuwe ondertekening\r\nvan de\twebsite\x07", from_address="")
    page.to_address = "campagne@stichtinglos.nl,\nbestuur@stichtinglos.nl"
    page.save(update_fields=["to_address"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/aanmelden/{page.pk}/", SIGN_ON)
    assert response.status_code == 302
    message = mail.outbox[0]
    assert message.subject == "Nieuwe ondertekening van de website"
    assert message.to == ["campagne@stichtinglos.nl", "bestuur@stichtinglos.nl"]
    message.message()  # Django refuses a header with a line break here (BadHeaderError)


def test_a_failing_mail_never_loses_nor_miscounts_a_stored_sign_up(
    client, sign_on, mail_server, django_capture_on_commit_callbacks, caplog
):
    page = mailing_to(sign_on, subject="Nieuwe ondertekening")
    before, stored_before = count(page), stored(page)
    for error in (smtplib.SMTPServerDisconnected("weg"), ValueError("Header values can't contain newlines")):
        mail_server.down(error)
        data = {**SIGN_ON, "e_mailadres_contactpersoon": f"{type(error).__name__}@example.org"}
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/aanmelden/{page.pk}/", data)
        assert response.status_code == 302  # the visitor is thanked: staff see the sign-up in the admin
    assert stored(page) == stored_before + 2 and count(page) == before + 2
    assert "SMTPServerDisconnected" in caplog.text and "ValueError" in caplog.text
    assert "example.org" not in caplog.text and "Stichting Test" not in caplog.text
    # A retry is the same person: thanked, not stored nor counted again.
    mail_server.up()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aanmelden/{page.pk}/", {**SIGN_ON, "e_mailadres_contactpersoon": "ValueError@example.org"})
    assert stored(page) == stored_before + 2 and count(page) == before + 2 and mail.outbox == []


def test_a_store_nothing_form_with_the_mail_server_down_asks_to_try_again(client, sign_on, mail_server):
    page = mailing_to(sign_on, store_submissions=False)
    before, stored_before, marks = count(page), stored(page), PersonMark.objects.count()
    mail_server.down(smtplib.SMTPServerDisconnected("weg"))
    response = client.post(f"/aanmelden/{page.pk}/", SIGN_ON)
    assert response.status_code == 503
    html = response.content.decode()
    assert "probeer het later nog eens" in html.lower()
    assert 'value="Stichting Test"' in html  # the form keeps what the visitor typed
    assert count(page) == before and stored(page) == stored_before
    assert PersonMark.objects.count() == marks  # nothing half-written: the retry is not turned away

    mail_server.up()
    response = client.post(f"/aanmelden/{page.pk}/", SIGN_ON)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "Stichting Test" in mail.outbox[0].body
    assert count(page) == before + 1 and stored(page) == stored_before


def test_the_try_again_page_is_in_the_visitors_language(client, sign_on, mail_server):
    from campaigns.signups import TRY_AGAIN
    from multilingual.translation import translate

    page = mailing_to(sign_on, store_submissions=False)
    english_locale = Locale.objects.get(language_code="en")
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(english_locale) is None:
            translate(ancestor, "en", {})
    english = translate(page, "en", {})
    mail_server.down(ConnectionRefusedError())
    response = client.post(f"/en/aanmelden/{english.pk}/", SIGN_ON)
    assert response.status_code == 503
    html = response.content.decode()
    with translation.override("en"):
        assert '<html lang="en"' in html and escape(str(TRY_AGAIN)) in html


def test_a_mail_without_a_subject_is_named_after_the_form(client, sign_on, django_capture_on_commit_callbacks):
    page = mailing_to(sign_on, subject="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aanmelden/{page.pk}/", SIGN_ON)
    assert mail.outbox[0].subject == "Nieuwe aanmelding: Onderteken als organisatie"


def test_a_visitors_direction_override_does_not_reach_the_staff_mail(
    client, sign_on, django_capture_on_commit_callbacks
):
    page = mailing_to(sign_on)
    data = {**SIGN_ON, "organisation": "Stichting \u202eTest\u202c", "plaats": "\u2067Utrecht\u2069\u202a"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/aanmelden/{page.pk}/", data)
    body = mail.outbox[0].body
    assert "Stichting Test" in body and "Utrecht" in body
    assert not set(body) & {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}
