"""Issue 24 item 4: translations follow their source. Deleting or unpublishing a Dutch page in the admin does the
same for its translations (Wagtail's confirmation page says so); deleting a translation leaves the source alone;
deleting a theme deletes its translations, so no English copy is offered as a filter any more."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from home.models import Theme
from multilingual.translation import translate
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def _translated_news_item() -> tuple[NewsPage, Page]:
    english_locale = Locale.objects.get(language_code="en")
    page = NewsPage.objects.live().filter(locale__language_code="nl").first()
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(english_locale) is None:
            translate(ancestor, "en", {})
    english = page.get_translation_or_none(english_locale) or translate(page, "en", {})
    assert english.live
    return page, english


def test_deleting_a_translated_page_removes_its_translations(admin_client):
    page, english = _translated_news_item()
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    confirm = admin_client.get(url)
    assert confirm.context["translation_count"] == 1  # said on the confirmation page
    assert admin_client.post(url).status_code == 302
    assert not Page.objects.filter(pk__in=[page.pk, english.pk]).exists()


def test_deleting_a_translation_leaves_its_source(admin_client):
    page, english = _translated_news_item()
    assert admin_client.post(reverse("wagtailadmin_pages:delete", args=[english.pk])).status_code == 302
    assert Page.objects.filter(pk=page.pk).exists() and not Page.objects.filter(pk=english.pk).exists()


def test_unpublishing_a_translated_page_offers_and_unpublishes_its_translations(admin_client):
    page, english = _translated_news_item()
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    assert 'name="include_translations"' in admin_client.get(url).content.decode()  # offered, ticked
    assert admin_client.post(url, {"include_translations": "on"}).status_code == 302
    assert not Page.objects.get(pk=english.pk).live


def test_deleting_a_theme_deletes_its_translations(client):
    theme = (
        Theme.objects.filter(locale__language_code="nl", events__isnull=True).first()
        or Theme.objects.filter(locale__language_code="nl").first()
    )
    english = theme.get_translation_or_none(Locale.objects.get(language_code="en")) or translate(theme, "en", {})
    theme.delete()
    assert not Theme.objects.filter(pk=english.pk).exists()
    assert f'value="{english.slug}"' not in client.get("/en/agenda/").content.decode()


def test_the_translation_report_lists_orphans(admin_client):
    """A translation whose source was deleted (outside the admin's cascade) or moved is listed, with why."""
    from news.models import NewsPage as News

    page, english = _translated_news_item()
    other, other_english = _translated_news_item_other(page)
    Page.objects.get(pk=page.pk).delete()  # not through the admin: the translation stays behind
    Page.objects.get(pk=other.pk).move(News.objects.get(pk=other.pk).get_parent().get_parent(), pos="last-child")
    html = admin_client.get(reverse("los_translation_status")).content.decode()
    assert english.title in html and "de Nederlandse pagina is verwijderd" in html
    assert other_english.title in html and "staat op een andere plek dan de Nederlandse pagina" in html


def _translated_news_item_other(taken: NewsPage) -> tuple[NewsPage, Page]:
    page = NewsPage.objects.live().filter(locale__language_code="nl").exclude(pk=taken.pk).first()
    english = page.get_translation_or_none(Locale.objects.get(language_code="en")) or translate(page, "en", {})
    return page, english
