"""The staff side: translating through wagtail-localize, PO files for volunteers, machine translation, the
translation status report, unpublishing with translations, and which fields are translated or synchronised."""

from __future__ import annotations

import datetime

import polib
import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from multilingual import translation_report
from multilingual.translation import translate
from tests.factories.pages import ContentPageFactory

ENGLISH = {
    "Opvang in de winter": "Shelter in winter",
    "opvang-in-de-winter": "shelter-in-winter",
    "Waar kun je slapen als het vriest?": "Where can you sleep when it freezes?",
}


@pytest.fixture
def dutch_page(home_page):
    page = ContentPageFactory(
        parent=home_page,
        title="Opvang in de winter",
        slug="opvang-in-de-winter",
        intro="Waar kun je slapen als het vriest?",
        last_checked=datetime.date(2026, 1, 15),
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def english() -> Locale:
    return Locale.objects.get(language_code="en")


def _submit(admin_client, page, locale) -> Translation:
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def _publish(admin_client, translated_page, capture_on_commit):
    # wagtail-localize publishes in transaction.on_commit; tests run inside a transaction that never commits.
    with capture_on_commit(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[translated_page.pk]), {"action": "publish"}
        )
    assert response.status_code == 302


def test_translate_and_publish_round_trip_through_the_translation_editor(
    admin_client, client, dutch_page, english, django_capture_on_commit_callbacks
):
    translation = _submit(admin_client, dutch_page, english)
    draft = dutch_page.get_translation(english)
    assert not draft.live  # a new translation starts as a draft
    # The editor: open it, then save each string through wagtail-localize's own string API.
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    assert {segment.string.data for segment in segments} >= set(ENGLISH)
    for segment in segments:
        if segment.string.data in ENGLISH:
            url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
            response = admin_client.put(
                url, f"value={ENGLISH[segment.string.data]}", content_type="application/x-www-form-urlencoded"
            )
            assert response.status_code in (200, 201)
    _publish(admin_client, draft, django_capture_on_commit_callbacks)

    published = Page.objects.get(pk=draft.pk).specific
    assert published.live and published.title == "Shelter in winter"
    assert published.slug == "shelter-in-winter"  # translated URL slug
    assert published.last_checked == datetime.date(2026, 1, 15)  # synchronised, not translated
    response = client.get("/en/shelter-in-winter/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Where can you sleep when it freezes?" in html
    assert 'href="/opvang-in-de-winter/" lang="nl"' in html
    # And the Dutch page now offers the English one.
    assert 'href="/en/shelter-in-winter/" lang="en"' in client.get("/opvang-in-de-winter/").content.decode()


def test_po_file_export_and_import_round_trip(
    admin_client, client, dutch_page, english, django_capture_on_commit_callbacks
):
    """What a volunteer does: download the PO file, translate it in Poedit or a text editor, upload it."""
    translation = _submit(admin_client, dutch_page, english)
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-en.po")
    catalogue = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in catalogue} >= set(ENGLISH)
    for entry in catalogue:
        entry.msgstr = ENGLISH.get(entry.msgid, "")
    draft = dutch_page.get_translation(english)
    upload = SimpleUploadedFile("opvang-en.po", str(catalogue).encode(), content_type="text/x-gettext-translation")
    next_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": next_url}
    )
    assert response.status_code == 302 and response["Location"] == next_url
    imported = StringTranslation.objects.filter(locale=english, translation_of__data__in=list(ENGLISH))
    assert imported.count() == len(ENGLISH)
    _publish(admin_client, draft, django_capture_on_commit_callbacks)
    assert "Where can you sleep when it freezes?" in client.get("/en/shelter-in-winter/").content.decode()


def test_a_po_file_for_another_translation_is_refused(admin_client, dutch_page, english, home_page):
    translation = _submit(admin_client, dutch_page, english)
    other = ContentPageFactory(parent=home_page, title="Iets anders", slug="iets-anders")
    other_translation = _submit(admin_client, other, english)
    exported = admin_client.get(reverse("wagtail_localize:download_pofile", args=[other_translation.pk]))
    upload = SimpleUploadedFile("verkeerd.po", exported.content)
    admin_client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    assert not StringTranslation.objects.filter(locale=english, translation_of__data="Iets anders").exists()


def test_machine_translation_uses_the_configured_translator(admin_client, dutch_page, english, settings):
    # Tests use wagtail-localize's offline DummyTranslator (it reverses the words); production is off by default.
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")
    translation = _submit(admin_client, dutch_page, english)
    response = admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    machine = StringTranslation.objects.get(locale=english, translation_of__data="Opvang in de winter")
    assert machine.data == "winter de in Opvang"
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE


def test_machine_translation_is_off_by_default():
    from tests.settings_probe import load_settings

    development = load_settings("cms.settings.dev", DATABASE_URL="sqlite:///:memory:")
    assert not hasattr(development, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


def test_unpublishing_a_dutch_page_offers_to_unpublish_its_translations(admin_client, dutch_page):
    english_page = translate(dutch_page, "en", ENGLISH)
    url = reverse("wagtailadmin_pages:unpublish", args=[dutch_page.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="include_translations"' in html and "Shelter in winter" in html

    admin_client.post(url, {})  # not ticked: the translation stays online
    assert not Page.objects.get(pk=dutch_page.pk).live
    assert Page.objects.get(pk=english_page.pk).live

    dutch_page.refresh_from_db()
    dutch_page.get_latest_revision().publish()
    admin_client.post(url, {"include_translations": "on"})
    assert not Page.objects.get(pk=dutch_page.pk).live
    assert not Page.objects.get(pk=english_page.pk).live


def test_unpublishing_a_translation_does_not_offer_the_others(admin_client, dutch_page):
    english_page = translate(dutch_page, "en", ENGLISH)
    html = admin_client.get(reverse("wagtailadmin_pages:unpublish", args=[english_page.pk])).content.decode()
    assert 'name="include_translations"' not in html


def test_translation_status_report(admin_client, dutch_page, microsite):
    # The demo microsite is complete in every language; one Spanish page goes missing for this test.
    Page.objects.get(slug="navegar-con-seguridad", locale__language_code="es").delete()
    english_page = translate(dutch_page, "en", ENGLISH)
    rows = {row.page.pk: row for row in translation_report.build_rows()}
    assert dutch_page.pk not in rows  # translated and current

    dutch_page.refresh_from_db()
    dutch_page.intro = "Waar kun je slapen als het vriest of sneeuwt?"
    revision = dutch_page.save_revision()
    revision.publish()
    Page.objects.filter(pk=dutch_page.pk).update(last_published_at=timezone.now() + datetime.timedelta(seconds=5))
    rows = {row.page.pk: row for row in translation_report.build_rows()}
    assert [(cell.code, cell.status) for cell in rows[dutch_page.pk].cells] == [("en", "outdated")]
    assert rows[dutch_page.pk].cells[0].translation.pk == english_page.pk

    # Microsite pages are expected in the microsite's languages.
    safe = Page.objects.get(slug="veilig-surfen", locale__language_code="nl")
    cells = {cell.code: cell.status for cell in rows[safe.pk].cells}
    assert cells == {"en": "current", "fr": "current", "es": "missing", "ar": "current"}
    # A main-site page is never reported missing in a language the main site does not offer.
    assert all(cell.code == "en" for row in rows.values() if row.site.is_default_site for cell in row.cells)

    response = admin_client.get(reverse("los_translation_status") + "?taal=es&status=missing")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Veilig surfen" in html and "Opvang in de winter" not in html
    assert admin_client.get(reverse("los_translation_status") + "?taal=xx&status=-&p=abc").status_code == 200
    # A NUL byte answers 400 before any view (security/bad_input.py).
    assert admin_client.get(reverse("los_translation_status") + "?status=%00").status_code == 400


def test_report_needs_admin_access(client):
    response = client.get(reverse("los_translation_status"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


SYNCHRONISED_TEXT = {
    # Text fields that are deliberately shared between languages (identifiers, contact details, names).
    ("Theme", "slug"),
    ("HelpLocation", "city"),
    ("HelpLocation", "address"),
    ("HelpLocation", "phone"),
    ("HelpLocation", "kind"),
}


def _translatable_models():
    local = {"home", "news", "research", "events", "campaigns", "search"}
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model._meta.app_label in local and not model._meta.abstract
    ]


@pytest.mark.parametrize("model", _translatable_models(), ids=lambda model: model.__name__)
def test_fields_are_translated_or_synchronised_deliberately(model):
    """Dates, links, choices, images and documents are synchronised; visible text is translated."""
    declared = {field.field_name: field for field in get_translatable_fields(model)}
    for name, declaration in declared.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # child relations are declared by their accessor name
            continue
        if isinstance(field, models.URLField | models.DateField | models.EmailField | models.BooleanField):
            assert isinstance(declaration, SynchronizedField), f"{model.__name__}.{name} should be synchronised"
        if field.is_relation and getattr(field.related_model, "__name__", "") in {"Image", "Document", "CustomImage"}:
            assert not isinstance(declaration, TranslatableField) or declaration.is_translated(None) is False, name
        if (model.__name__, name) in SYNCHRONISED_TEXT:
            assert isinstance(declaration, SynchronizedField), f"{model.__name__}.{name} should be synchronised"
    if issubclass(model, Page):
        assert isinstance(declared["title"], TranslatableField)
        assert isinstance(declared["slug"], TranslatableField)  # translated URL slugs


def test_editors_choose_a_sites_languages_in_the_settings(admin_client, main_site):
    from home.models import SiteLanguages

    url = reverse("wagtailsettings:edit", args=["home", "sitelanguages", main_site.pk])
    html = admin_client.get(url).content.decode()
    for code in ("nl", "en", "fr", "es", "ar"):
        assert f'value="{code}"' in html
    response = admin_client.post(url, {"languages": ["en", "fr"]})
    assert response.status_code == 302
    assert SiteLanguages.for_site(main_site).languages == ["nl", "en", "fr"]  # Dutch cannot be switched off
    response = admin_client.post(url, {"languages": ["xx"]})
    assert response.status_code == 200  # an unknown language is a form error, not a 500
    assert SiteLanguages.for_site(main_site).languages == ["nl", "en", "fr"]
