"""Sign-ups: consent, honeypot, rate limit without stored IPs, cross-site posts, store-nothing, moderation."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory

from campaigns.models import SignupCounter, SignupSubmission
from security.ratelimit import client_key

pytestmark = pytest.mark.django_db

VALID = {"naam": "Fatima", "woonplaats": "Utrecht", "privacy_consent": "on", "hp_website": ""}


def submit_url(page) -> str:
    return f"/aanmelden/{page.pk}/"


def count(page) -> int:
    return SignupCounter.objects.filter(page=page).values_list("count", flat=True).first() or 0


def test_valid_signup_is_stored_without_ip_or_user_agent_and_counted(client, petition):
    before = count(petition)
    response = client.post(submit_url(petition), VALID, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="SecretBrowser/1.0")
    assert response.status_code == 302
    assert response["Location"].endswith("/campagnes/zorg-in-detentie/petitie/?bedankt=1")
    submission = SignupSubmission.objects.get(page=petition)
    assert submission.form_data["naam"] == "Fatima"
    assert submission.form_data["privacy_consent"] is True
    assert "hp_website" not in submission.form_data
    stored = str(submission.form_data) + str([getattr(submission, f.attname) for f in submission._meta.fields])
    assert "203.0.113.9" not in stored and "SecretBrowser" not in stored
    assert {f.name for f in SignupSubmission._meta.fields} == {
        "id", "form_data", "page", "submit_time", "organisation", "approved", "anonymised"
    }  # fmt: skip
    assert count(petition) == before + 1
    # No cookie, not even after posting.
    assert not [m for m in response.cookies.values() if m.value]
    landing = client.get(response["Location"])
    assert f'<strong class="signup-counter__number">{before + 1}</strong>' in landing.content.decode()


def test_consent_is_required(client, petition):
    before = count(petition)
    data = {**VALID}
    del data["privacy_consent"]
    response = client.post(submit_url(petition), data)
    assert response.status_code == 400
    assert "Zonder je toestemming" in response.content.decode()
    assert not SignupSubmission.objects.filter(page=petition).exists()
    assert count(petition) == before


def test_required_fields_are_checked_and_errors_are_listed(client, petition):
    response = client.post(submit_url(petition), {"privacy_consent": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and 'href="#id_naam"' in html


def test_honeypot_pretends_success_and_keeps_nothing(client, petition):
    before = count(petition)
    response = client.post(submit_url(petition), {**VALID, "hp_website": "http://spam.example"})
    assert response.status_code == 302
    assert not SignupSubmission.objects.filter(page=petition).exists()
    assert count(petition) == before


def test_rate_limit_per_client(client, petition, settings):
    settings.CAMPAIGNS_SIGNUP_RATE_LIMIT = (2, 600)
    for _ in range(2):
        assert client.post(submit_url(petition), VALID, REMOTE_ADDR="198.51.100.1").status_code == 302
    blocked = client.post(submit_url(petition), VALID, REMOTE_ADDR="198.51.100.1")
    assert blocked.status_code == 429
    assert "te vaak" in blocked.content.decode()
    assert SignupSubmission.objects.filter(page=petition).count() == 2
    # Another client is not affected.
    assert client.post(submit_url(petition), VALID, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_rate_limit_key_hides_the_ip_and_rotates_daily():
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.44")
    today = client_key(request, "signup", today=datetime.date(2026, 11, 28))
    assert "192.0.2.44" not in today
    assert today == client_key(request, "signup", today=datetime.date(2026, 11, 28))
    assert today != client_key(request, "signup", today=datetime.date(2026, 11, 29))


def test_cross_site_posts_are_refused(client, petition):
    response = client.post(submit_url(petition), VALID, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = client.post(submit_url(petition), VALID, HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert not SignupSubmission.objects.filter(page=petition).exists()
    same_site = client.post(submit_url(petition), VALID, HTTP_ORIGIN="http://testserver")
    assert same_site.status_code == 302


def test_store_nothing_option_only_emails(client, petition):
    petition.store_submissions = False
    petition.to_address = "campagne@stichtinglos.nl"
    petition.save_revision().publish()
    before = count(petition)
    response = client.post(submit_url(petition), VALID)
    assert response.status_code == 302
    assert not SignupSubmission.objects.filter(page=petition).exists()
    assert len(mail.outbox) == 1 and "Fatima" in mail.outbox[0].body
    assert "hp_website" not in mail.outbox[0].body and "Laat dit veld leeg" not in mail.outbox[0].body
    assert count(petition) == before + 1


def test_store_nothing_requires_an_address(petition):
    from django.core.exceptions import ValidationError

    petition.store_submissions = False
    petition.to_address = ""
    with pytest.raises(ValidationError):
        petition.full_clean()


def test_organisation_sign_on_is_public_only_after_approval(client, sign_on):
    data = {"organisation": "Stichting Test Onderdak", "e_mailadres_contactpersoon": "a@example.org"}
    response = client.post(submit_url(sign_on), {**data, "privacy_consent": "on"})
    assert response.status_code == 302
    campaign_html = client.get("/campagnes/geen-strafbaarstelling/").content.decode()
    assert "Stichting Test Onderdak" not in campaign_html
    assert "Diaconie Utrecht-Oost" in campaign_html  # approved in the demo
    SignupSubmission.objects.filter(organisation="Stichting Test Onderdak").update(approved=True)
    assert "Stichting Test Onderdak" in client.get("/campagnes/geen-strafbaarstelling/").content.decode()
    assert "a@example.org" not in client.get("/campagnes/geen-strafbaarstelling/").content.decode()


def test_campaign_page_with_form_sets_no_cookie(client, medical_campaign):
    response = client.get("/campagnes/zorg-in-detentie/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' not in html
    assert f'action="/aanmelden/{medical_campaign.get_children().first().pk}/"' in html
    assert not [m for m in response.cookies.values() if m.value]


@pytest.mark.parametrize("page_id", ["0", "99999999", "999999999999999999999"])
def test_submit_to_unknown_form_is_404(client, page_id):
    assert client.post(f"/aanmelden/{page_id}/", VALID).status_code == 404


def test_get_on_submit_url_is_refused(client, petition):
    assert client.get(submit_url(petition)).status_code == 405


def test_unpublished_form_refuses_submissions(client, petition):
    petition.unpublish()
    assert client.post(submit_url(petition), VALID).status_code == 404


FORMAL = re.compile(r"\b(u|uw|Uw|U)\b")


def test_visitors_are_addressed_with_je(client, petition, sign_on):
    """The house style is "je" for visitors too: the sign-up form, its messages and thanks, the error pages,
    and the demo's intro and thanks texts."""
    form_page = client.get(petition.url).content.decode()
    refused = client.post(submit_url(sign_on), {"hp_website": ""}).content.decode()
    thanks = client.get(petition.url + "?bedankt=1").content.decode()
    assert "je gegevens" in form_page and "Naam van je organisatie" in refused and "Zonder je toestemming" in refused
    for html in (form_page, refused, thanks, render_to_string("500.html"), render_to_string("503.html")):
        main = re.search(r"<main.*</main>", html, re.S)
        text = " ".join(re.sub(r"<[^>]+>", " ", main.group() if main else html).split())
        assert not FORMAL.findall(text), FORMAL.search(text).string[:200]


def test_every_text_answer_has_a_length_limit(client, petition):
    """Wagtail limits only one-line answers: a 2 MB message or hidden value was stored as sent, and kept for the
    whole retention period. Now the form says how long an answer may be, in Dutch, and stores nothing."""
    from campaigns.models import SignupFormField
    from campaigns.signups import HIDDEN_MAX, MULTILINE_MAX

    SignupFormField.objects.create(page=petition, label="Bericht", field_type="multiline", required=False)
    SignupFormField.objects.create(page=petition, label="Bron", field_type="hidden", required=False)
    form = petition.get_form()
    assert f'maxlength="{MULTILINE_MAX}"' in str(form["bericht"])
    for field, limit in (("bericht", MULTILINE_MAX), ("bron", HIDDEN_MAX)):
        response = client.post(submit_url(petition), {**VALID, field: "x" * (limit + 1)})
        assert response.status_code == 400, field
        assert f"niet meer dan {limit} tekens" in response.content.decode()
    assert not SignupSubmission.objects.filter(page=petition).exists()
    assert client.post(submit_url(petition), {**VALID, "bericht": "x" * MULTILINE_MAX}).status_code == 302
