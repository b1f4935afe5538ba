"""Translating (issue 16): a new translation is a draft until the translator publishes it, "Vertalen" offers only
the languages the page's site serves, and a translation's address follows its translated title."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Locale, Page

from campaigns.models import MicrositePage
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def untranslated(model, site, language: str):
    """A live Dutch page of `model` on `site` without a `language` translation yet."""
    translated = Page.objects.filter(locale__language_code=language).values("translation_key")
    return (
        model.objects.live()
        .descendant_of(site.root_page)
        .filter(locale__language_code="nl")
        .exclude(translation_key__in=translated)
        .first()
    )


def offered(client, page) -> set[str]:
    response = client.get(f"/admin/localize/submit/page/{page.pk}/")
    assert response.status_code == 200
    ids = {int(i) for i in re.findall(r'name="locales" value="(\d+)"', response.content.decode())}
    return set(Locale.objects.filter(pk__in=ids).values_list("language_code", flat=True))


def submit(client, page, *languages: str):
    locales = [Locale.objects.get(language_code=code).pk for code in languages]
    return client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": locales})


def test_main_site_offers_only_its_languages(login, main_site):
    client = login("Redactie")
    assert offered(client, untranslated(NewsPage, main_site, "en")) == {"en"}


def test_microsite_offers_its_own_languages(login, microsite):
    from multilingual.languages import enabled_languages

    client = login("Eindredactie")
    page = microsite.root_page.add_child(instance=MicrositePage(title="Nieuwe hulppagina", slug="nieuwe-hulppagina"))
    assert offered(client, page) == set(enabled_languages(None, microsite)) - {"nl"}
    assert {"fr", "es", "ar"} <= offered(client, page)


def test_a_language_the_site_does_not_serve_is_refused(login, main_site):
    client = login("Redactie")
    page = untranslated(NewsPage, main_site, "fr")
    response = submit(client, page, "fr")
    assert response.status_code == 200  # the form again, with its error
    assert not Page.objects.filter(translation_key=page.translation_key, locale__language_code="fr").exists()


def test_a_new_translation_is_a_draft_until_published(login, main_site, client):
    editor = login("Redactie")
    page = untranslated(NewsPage, main_site, "en")
    assert submit(editor, page, "en").status_code == 302
    translation = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    assert not translation.live
    assert page.title not in client.get("/en/news/").content.decode()


def test_the_slug_follows_the_translated_title(login, main_site):
    editor = login("Redactie")
    page = untranslated(NewsPage, main_site, "en")
    submit(editor, page, "en")
    translation = Page.objects.get(translation_key=page.translation_key, locale__language_code="en").specific
    translation.title = "Annual report of the detention hotline"
    translation.save()
    translation.refresh_from_db()
    assert translation.slug == "annual-report-of-the-detention-hotline"
    assert translation.url_path.endswith("/annual-report-of-the-detention-hotline/")
    # A slug the translator chose stays.
    translation.slug = "hotline-report"
    translation.title = "Hotline report 2026"
    translation.save()
    translation.refresh_from_db()
    assert translation.slug == "hotline-report"


def test_a_slug_from_a_title_of_full_length_fits_beside_a_sibling_with_the_same_slug(login, main_site):
    """A 255-character title whose slug is taken: find_available_slug's '-1' made it 257 characters, which
    PostgreSQL refused (a 500 when the translator saved)."""
    editor = login("Redactie")
    page = untranslated(NewsPage, main_site, "en")
    submit(editor, page, "en")
    translation = Page.objects.get(translation_key=page.translation_key, locale__language_code="en").specific
    title = "annual report " * 18 + "x" * 3  # 255 characters
    slug = title.replace(" ", "-")
    for taken in (slug, slug[:245].rstrip("-")):  # the whole title's slug, and the shortened one
        translation.get_parent().add_child(instance=NewsPage(title="Bezet", slug=taken, intro="Bezet"))
    translation.title = title
    translation.save()
    translation.refresh_from_db()
    assert len(title) == 255 and translation.slug == slug[:245].rstrip("-") + "-1"


@pytest.mark.parametrize("group,status", [("Redactie", 200), ("Eindredactie", 200), ("Vrijwilligers", 302)])
def test_who_may_start_a_translation(login, main_site, group, status):
    response = login(group).get(f"/admin/localize/submit/page/{untranslated(NewsPage, main_site, 'en').pk}/")
    assert response.status_code == status


@pytest.mark.parametrize("hostile", ["abc", "99999999", "1; DROP TABLE wagtailcore_page", "\x00", ""])
def test_hostile_locale_values_are_refused_cleanly(login, main_site, hostile):
    client = login("Redactie")
    page = untranslated(NewsPage, main_site, "en")
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [hostile]})
    assert response.status_code == 200
    assert Page.objects.filter(translation_key=page.translation_key).count() == 1
