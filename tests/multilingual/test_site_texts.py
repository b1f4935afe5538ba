"""A site's tagline, footer text and phone hours in the visitor's language (home.SiteTexts), translated through
wagtail-localize like the pages; Dutch where a language has no texts of its own."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from demo import MICROSITE_HOSTNAME
from home.models import SiteTexts
from tests.multilingual.helpers import submit_snippet_translation

DUTCH_TAGLINE = "Voor vrouwen zonder verblijfsvergunning"


def _header_and_footer(client, path: str, host: str = MICROSITE_HOSTNAME) -> str:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize(
    ("path", "tagline", "footer"),
    [
        ("/", DUTCH_TAGLINE, "iLegalevrouw is een project van Stichting LOS."),
        ("/en/", "For women without a residence permit", "iLegalevrouw is a project of Stichting LOS."),
        ("/fr/", "Pour les femmes sans titre de séjour", "iLegalevrouw est un projet de la Stichting LOS."),
        # In right-to-left pages the Latin names are isolated left-to-right (multilingual/bidi.py).
        (
            "/ar/",
            "للنساء اللواتي لا يملكن تصريح إقامة",
            '<bdi dir="ltr">iLegalevrouw</bdi> مشروع تابع لمؤسسة <bdi dir="ltr">LOS</bdi>.',
        ),
    ],
)
def test_the_microsite_header_and_footer_speak_the_pages_language(db, client, path, tagline, footer):
    html = _header_and_footer(client, path)
    assert f'<span class="site-brand__tagline">{tagline}</span>' in html
    assert f"<p>{footer}</p>" in html
    if path != "/":
        assert DUTCH_TAGLINE not in html


def test_the_main_site_in_english_has_english_texts_and_title(db, client):
    html = _header_and_footer(client, "/en/", host="localhost")
    assert "<title>Stichting LOS | National Support Centre for Undocumented People</title>" in html
    assert "Monday to Thursday, 10 am to 4 pm" in html
    assert "maandag tot en met donderdag" not in html


def test_a_language_without_its_own_texts_shows_the_dutch_ones(db, client, microsite):
    SiteTexts.objects.filter(site=microsite, locale__language_code="fr").delete()
    html = _header_and_footer(client, "/fr/")
    assert f'<span class="site-brand__tagline">{DUTCH_TAGLINE}</span>' in html


def test_a_site_without_texts_shows_none(db, client, microsite):
    SiteTexts.objects.filter(site=microsite).delete()
    html = _header_and_footer(client, "/ar/")
    assert "site-brand__tagline" not in html


def test_editing_the_dutch_texts_shows_at_once(db, admin_client, client, microsite):
    _header_and_footer(client, "/")  # cached now
    dutch = SiteTexts.objects.get(site=microsite, locale__language_code="nl")
    url = reverse("wagtailsnippets_home_sitetexts:edit", args=[dutch.pk])
    response = admin_client.post(
        url, {"site": microsite.pk, "tagline": "Informatie voor vrouwen", "footer_text": "", "phone_hours": ""}
    )
    assert response.status_code == 302
    html = _header_and_footer(client, "/")
    assert '<span class="site-brand__tagline">Informatie voor vrouwen</span>' in html
    assert "iLegalevrouw is een project" not in html  # the emptied footer text is gone too


def test_translating_the_texts_in_the_translation_editor(db, admin_client, client, microsite):
    """What a translator does: Vertalen on the Dutch texts, translate each string, save; the page shows it."""
    SiteTexts.objects.filter(site=microsite, locale__language_code="fr").delete()
    dutch = SiteTexts.objects.get(site=microsite, locale__language_code="nl")
    french = Locale.objects.get(language_code="fr")
    target = submit_snippet_translation(admin_client, dutch, french)
    assert target.site_id == microsite.pk  # synchronised
    translation = Translation.objects.get(source__object_id=dutch.translation_key, target_locale=french)
    editor = reverse("wagtailsnippets_home_sitetexts:edit", args=[target.pk])
    assert admin_client.get(editor).status_code == 200
    strings = {DUTCH_TAGLINE: "Pour les femmes sans papiers"}
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in strings:
            response = admin_client.put(
                reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
                f"value={strings[segment.string.data]}",
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201)
    assert admin_client.post(editor, {"action": "publish"}).status_code == 302  # "Publiceren" in the editor
    html = _header_and_footer(client, "/fr/")
    assert '<span class="site-brand__tagline">Pour les femmes sans papiers</span>' in html
    # An untranslated string stays in Dutch until someone translates it.
    assert "<p>iLegalevrouw is een project van Stichting LOS.</p>" in html


def test_a_second_set_of_texts_for_the_same_site_and_language_is_refused_with_a_message(db, admin_client, microsite):
    before = SiteTexts.objects.count()
    response = admin_client.post(
        reverse("wagtailsnippets_home_sitetexts:add") + "?locale=nl",
        {"site": microsite.pk, "tagline": "Dubbel", "footer_text": "", "phone_hours": ""},
    )
    assert response.status_code == 200
    assert "Deze website heeft al teksten in deze taal" in response.content.decode()
    assert SiteTexts.objects.count() == before


def test_the_texts_are_under_settings_in_the_admin(db, admin_client):
    html = admin_client.get(reverse("wagtailsnippets_home_sitetexts:list")).content.decode()
    assert "iLegalevrouw" in html and "Landelijk Ongedocumenteerden Steunpunt" in html
    organisation = admin_client.get(reverse("wagtailsettings:edit", args=["home", "organisationsettings", 1]))
    assert "Teksten van de site" in organisation.content.decode()  # the settings page says where they went


def test_the_translation_status_report_names_missing_site_texts(db, admin_client, microsite):
    url = reverse("los_translation_status")
    assert "data-site=" not in admin_client.get(url).content.decode()  # the demo has them in every language
    SiteTexts.objects.filter(site=microsite, locale__language_code="fr").delete()
    html = admin_client.get(url).content.decode()
    dutch = SiteTexts.objects.get(site=microsite, locale__language_code="nl")
    translate_url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "sitetexts", dutch.pk])
    gap = html.split(f'data-site="{microsite.pk}"')[1].split("</li>")[0]
    assert "FR" in gap and "AR" not in gap and f'href="{translate_url}"' in gap
    assert f'data-site="{microsite.pk}"' not in admin_client.get(url + "?taal=ar").content.decode()
    assert f'data-site="{microsite.pk}"' not in admin_client.get(url + "?status=outdated").content.decode()
