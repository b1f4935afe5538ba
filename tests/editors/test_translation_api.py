"""The translation editor's saving API (wagtail-localize's `edit_override` and `edit_string_translation`) never
answers 500 to a value it cannot store (editors/translation_api.py): a value the editor sends but we refuse is
answered 200 in wagtail-localize's own shape with the reason in `error` (the editor reads nothing else), a request
without a value 400. It stays closed to those who may not edit the translation, and to Vertalers for a translation
into Dutch. Run it on PostgreSQL too: two of the 500s were PostgreSQL's refusals.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment, SegmentOverride, StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import SegmentOverrideSerializer, StringTranslationSerializer

from tests.editors.conftest import put_override

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
NO_VALUE = "Er is geen waarde meegestuurd"

# Each gave 500 (or, NUL, a 500 when the translation was published) before.
MALFORMED = {
    "no body": (b"", FORM, NO_VALUE),
    "a form without value": (b"waarde=https%3A%2F%2Fexample.org", FORM, NO_VALUE),
    "JSON with a text value": (json.dumps({"value": "https://example.org"}).encode(), JSON, NO_VALUE),
    "JSON with a number": (json.dumps({"value": 5}).encode(), JSON, NO_VALUE),
    "a JSON list": (b"[1, 2]", JSON, NO_VALUE),
    "JSON null": (b"null", JSON, NO_VALUE),
}
# Already 400 or 415 from wagtail-localize (Django REST framework, Django): they stay so.
REFUSED_UPSTREAM = {
    "invalid JSON": (b"{value: x", JSON, 400),
    "multipart without boundary": (b"value=x", "multipart/form-data", 400),
    "plain text": (b"value=x", "text/plain", 415),
    "larger than Django accepts": (b"value=" + b"a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1), FORM, 400),
}


def edit_url(name: str, translation, segment) -> str:
    return reverse(f"wagtail_localize:{name}", args=[translation.pk, segment.pk])


def segments(translation):
    """One segment of each kind: a link override and the title's string."""
    return [
        ("edit_override", OverridableSegment.objects.filter(source=translation.source).first()),
        ("edit_string_translation", StringSegment.objects.get(source=translation.source, context__path="title")),
    ]


@pytest.fixture
def vertaler(login):
    client = login("Vertalers")
    client.raise_request_exception = False  # an exception is a 500 like any other: list them all
    return client


def stored() -> list:
    return [list(model.objects.values_list("pk", "updated_at")) for model in (SegmentOverride, StringTranslation)]


@pytest.mark.parametrize("kind", list(MALFORMED))
def test_a_malformed_body_is_a_400_with_a_message(vertaler, translation, kind):
    before = stored()
    body, content_type, message = MALFORMED[kind]
    for name, segment in segments(translation):
        response = vertaler.generic("PUT", edit_url(name, translation, segment), body, content_type=content_type)
        assert response.status_code == 400, (name, response.content[:200])
        assert message in response.json()["detail"]
    assert stored() == before


@pytest.mark.parametrize("kind", list(REFUSED_UPSTREAM))
def test_bodies_wagtail_localize_refuses_itself_stay_refused(vertaler, translation, kind):
    before = stored()
    body, content_type, status = REFUSED_UPSTREAM[kind]
    for name, segment in segments(translation):
        response = vertaler.generic("PUT", edit_url(name, translation, segment), body, content_type=content_type)
        assert response.status_code == status, (name, response.content[:200])
    assert stored() == before


def title_segment(translation):
    return StringSegment.objects.get(source=translation.source, context__path="title")


def put_as_the_editor(client, url: str, value: str):
    """The PUT of wagtail-localize's editor: the value in FormData (a multipart body)."""
    return client.put(url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT)


def test_a_title_longer_than_a_title_can_be_is_refused_in_words_the_editor_shows(vertaler, translation):
    # PostgreSQL refused wagtail-localize's copy into the page's draft title (varchar 255): 500. Then a 400, which
    # the editor showed as "Server error": it reads an answer only when its status is 200 or 201.
    before = stored()
    title = title_segment(translation)
    url = edit_url("edit_string_translation", translation, title)
    response = put_as_the_editor(vertaler, url, "a" * 256)
    assert response.status_code == 200
    assert response.json() == {
        "string_id": title.string_id,
        "segment_id": title.pk,
        "data": "a" * 256,  # what the translator typed, to shorten
        "error": "Niet opgeslagen: deze tekst is te lang: maximaal 255 tekens.",
        "comment": None,
        "last_translated_by": None,
    }
    assert set(response.json()) == set(StringTranslationSerializer.Meta.fields)
    assert stored() == before
    assert put_as_the_editor(vertaler, url, "a" * 255).status_code == 201


def test_an_override_with_control_characters_is_refused_in_words_the_editor_shows(vertaler, translation):
    before = stored()
    # Stored as it came, it made publishing the translation answer 500 on PostgreSQL (a NUL character).
    segment = OverridableSegment.objects.filter(source=translation.source).first()
    for value in ("https://example.org/\x00", "https://example.org/\x1b[0m"):
        response = put_override(vertaler, translation, segment, value)
        assert response.status_code == 200
        assert response.json() == {
            "segment_id": segment.pk,
            "data": value,
            "error": "Niet opgeslagen: deze waarde bevat onzichtbare stuurtekens. Typ of plak haar opnieuw, zonder "
            "die tekens.",
        }
        assert set(response.json()) == set(SegmentOverrideSerializer.Meta.fields)
    assert stored() == before


def test_the_message_is_in_the_translators_language(vertaler, translation):
    profile = UserProfile.get_for_user(vertaler.user)
    profile.preferred_language = "en"
    profile.save()
    name, segment = segments(translation)[0]
    response = vertaler.generic("PUT", edit_url(name, translation, segment), b"", content_type=FORM)
    assert response.json()["detail"] == "No value was sent: send the form field 'value'."
    url = edit_url("edit_string_translation", translation, title_segment(translation))
    response = put_as_the_editor(vertaler, url, "a" * 256)
    assert response.json()["error"] == "Not saved: this text is too long: at most 255 characters."


def test_what_the_translation_editor_sends_is_stored(vertaler, translation):
    # The editor sends FormData: a multipart body.
    segment = OverridableSegment.objects.get(source=translation.source, context__path__endswith=".link.url")
    body = encode_multipart(BOUNDARY, {"value": "https://example.org/en/cta"})
    response = vertaler.put(edit_url("edit_override", translation, segment), body, content_type=MULTIPART_CONTENT)
    assert response.status_code == 201
    assert SegmentOverride.objects.get().data == "https://example.org/en/cta"


def refused(response) -> bool:
    """Admin access without the right to edit the translation: 403; no admin access: the login page."""
    if response.status_code == 302:
        return response["Location"].startswith(reverse("wagtailadmin_login"))
    return response.status_code == 403


@pytest.mark.parametrize(
    "group", ["Stagiairs", "Vrijwilligers", "Microsite redactie", "Opvangcoördinatoren", "Meldpunt", None]
)
def test_groups_that_may_not_edit_the_translation_are_refused(login, translation, group):
    before = stored()
    client = login(group)
    client.raise_request_exception = False
    for name, segment in segments(translation):
        url = edit_url(name, translation, segment)
        for body, content_type in ((urlencode({"value": "https://example.org"}), FORM), ("", FORM), ("{}", JSON)):
            # Nothing about the body is told to someone who may not send it.
            assert refused(client.generic("PUT", url, body, content_type=content_type)), (name, body)
        assert refused(client.delete(url))
    assert stored() == before


def test_visitors_are_sent_to_the_login(client, translation):
    for name, segment in segments(translation):
        response = client.put(edit_url(name, translation, segment), "", content_type=FORM)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_vertalers_change_nothing_in_a_translation_into_dutch(login, translation_into_dutch):
    # Vertalers never change the Dutch text (editors/roles.py, editors/translator_guard.py). Their page permissions
    # have no language, so wagtail-localize alone let them save into an English page's Dutch translation.
    before = stored()
    client = login("Vertalers")
    for name, segment in segments(translation_into_dutch):
        url = edit_url(name, translation_into_dutch, segment)
        for value in ("https://example.org/nl", "a" * 256, "https://example.org/\x00"):
            assert refused(put_as_the_editor(client, url, value)), (name, value)
        assert refused(client.generic("PUT", url, "", content_type=FORM))
        assert refused(client.delete(url))
    assert stored() == before


def test_the_redactie_may_save_into_a_translation_into_dutch(login, translation_into_dutch):
    client = login("Redactie")
    url = edit_url("edit_string_translation", translation_into_dutch, title_segment(translation_into_dutch))
    assert put_as_the_editor(client, url, "Linkpagina").status_code == 201
    assert StringTranslation.objects.get(locale__language_code="nl").data == "Linkpagina"
