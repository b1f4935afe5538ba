"""Fixtures for the editors' tests: a user per role (logged in through Django's test client) and form data."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation

from campaigns.models import MicrositeHomePage
from home.blocks import BaseStreamBlock
from news.models import NewsIndexPage
from research.models import PublicationIndexPage
from tests.factories.pages import ContentPageFactory
from tests.security.test_injection import rich_text_from_editor

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def make_user(django_user_model):
    def make(group: str | None, username: str | None = None):
        user = django_user_model.objects.create_user(
            username or (group or "niemand").lower().replace(" ", "-"), email="x@example.org", password=PASSWORD
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def login(client, make_user):
    """A test client logged in as a new member of `group`."""

    def as_member(group: str | None, username: str | None = None):
        user = make_user(group, username)
        client.force_login(user)
        client.user = user
        return client

    return as_member


@pytest.fixture
def nl(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def news_index(home_page):
    return NewsIndexPage.objects.child_of(home_page).get()


@pytest.fixture
def publications_index(home_page):
    return PublicationIndexPage.objects.child_of(home_page).get()


@pytest.fixture
def microsite_home(microsite):
    return MicrositeHomePage.objects.get(pk=microsite.root_page_id)


@pytest.fixture
def about_page(home_page):
    return Page.objects.child_of(home_page).get(slug="over-los").specific


def news_form(title: str, **extra) -> dict:
    """POST data of the news item form in the admin (create or edit)."""
    return nested_form_data(
        {
            "title": title,
            "slug": extra.pop("slug", title.lower().replace(" ", "-")),
            "intro": extra.pop("intro", "Een korte samenvatting van het bericht."),
            "body": streamfield([]),
            "kind": "los-nieuws",
            "comments": inline_formset([]),
            **extra,
        }
    )


def page_form(page) -> dict:
    """POST data that saves `page` unchanged through its admin edit form (fields of the page types used here)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "comments": inline_formset([]),
    }
    for name in ("intro", "body"):
        if hasattr(page, name):
            data[name] = streamfield([]) if name == "body" else getattr(page, name)
    return nested_form_data(data)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent, model) -> str:
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def denied(response) -> bool:
    """Wagtail answers a forbidden admin action with 403, or a redirect to the dashboard with a message."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")


# A page with a link in rich text, a button link and a video, and its English translation (wagtail-localize):
# tests/editors/test_translation_links.py and test_translation_api.py.
def page_with_links(parent, title: str, slug: str):
    block = BaseStreamBlock()
    raw = [
        {"type": "paragraph", "value": rich_text_from_editor("Klik hier voor info", "https://example.org/info")},
        {
            "type": "call_to_action",
            "value": {
                "title": "Doe mee",
                "text": "",
                "button_label": "Meld je",
                "link": {"page": None, "url": "https://example.org/cta"},
            },
        },
        {
            "type": "video",
            "value": {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Video", "transcript": ""},
        },
    ]
    page = ContentPageFactory(parent=parent, title=title, slug=slug, intro="Intro")
    page.body = block.clean(block.to_python(raw))
    page.save_revision().publish()
    return page


@pytest.fixture
def dutch_page(home_page):
    return page_with_links(home_page, "Linkpagina", "linkpagina")


def submit_translation(client, page, language_code: str) -> Translation:
    """`page` translated into `language_code` with "Vertalen" (wagtail-localize's translation, a draft page)."""
    locale = Locale.objects.get(language_code=language_code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


@pytest.fixture
def translation(admin_client, dutch_page):
    return submit_translation(admin_client, dutch_page, "en")


@pytest.fixture
def translation_into_dutch(admin_client, home_page):
    """A page written in English (under the English home page) translated into Dutch, the source language."""
    english_home = home_page.get_translations().get(locale__language_code="en")
    english_page = page_with_links(english_home, "Link page", "link-page")
    return submit_translation(admin_client, english_page, "nl")


def put_override(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")
