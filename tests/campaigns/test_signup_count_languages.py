"""Issue 24 item 4: a petition translated into English is one petition: its counter (on the page and in the API)
counts the sign-ups made in every language."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from campaigns.models import SignupCounter, SignupFormPage
from multilingual.translation import translate

pytestmark = pytest.mark.django_db


def test_one_count_per_petition_across_its_languages(client, petition):
    petition.show_counter = True
    petition.save_revision().publish()
    petition = SignupFormPage.objects.get(pk=petition.pk)
    english_locale = Locale.objects.get(language_code="en")
    for ancestor in petition.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(english_locale) is None:
            translate(ancestor, "en", {})
    english = translate(petition, "en", {})
    SignupCounter.objects.update_or_create(page=petition, defaults={"count": 3})
    SignupCounter.objects.update_or_create(page=english, defaults={"count": 2})

    for page in (petition, SignupFormPage.objects.get(pk=english.pk)):
        assert page.public_count == 5
        api = client.get(f"/api/v2/pages/{page.pk}/?fields=public_count").json()
        assert api["public_count"] == 5
