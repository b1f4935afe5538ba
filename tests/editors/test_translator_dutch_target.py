"""Vertalers change nothing in Dutch through any of wagtail-localize's views (editors/translator_guard.py).

Wagtail's page and snippet permissions have no language, and wagtail-localize checks only those: a Vertaler may
edit every page and every theme, so each of its views that changes a translation whose target is Dutch (a page or
theme written in English and translated into Dutch) was open to them unless the guard answers it first. Every such
view is one row of `CHANGES` below: the guard refuses it (a redirect to the dashboard with its message, or 403
with the message for the translation editor's API) and nothing Dutch is stored or changed. Reading stays open
(`READS`): the rule is that Vertalers never change Dutch text (editors/roles.py, README › Vertalers). The Redactie
may do what the guard refuses Vertalers, and Vertalers may still do it all for a translation into English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)

from editors import translator_guard
from home.models import Theme
from tests.factories.pages import ContentPageFactory

pytestmark = pytest.mark.django_db


@dataclass
class Dutch:
    """What the tests work on: translations into Dutch of an English page and theme, and ones not yet translated."""

    page_translation: Translation
    theme_translation: Translation
    english_page: Page  # not translated into Dutch yet
    english_theme: Theme  # not translated into Dutch yet

    @property
    def page(self):
        return self.page_translation.get_target_instance()

    @property
    def theme(self):
        return self.theme_translation.get_target_instance()


def english_theme(name: str, slug: str) -> Theme:
    return Theme.objects.create(locale=Locale.objects.get(language_code="en"), name=name, slug=slug)


@pytest.fixture
def dutch(admin_client, home_page, translation_into_dutch):
    english_home = home_page.get_translations().get(locale__language_code="en")
    theme = english_theme("Rights abroad", "rights-abroad")
    return Dutch(
        page_translation=translation_into_dutch,
        theme_translation=submit_snippet(admin_client, theme, "nl"),
        english_page=ContentPageFactory(parent=english_home, title="Other page", slug="other-page", intro="Intro"),
        english_theme=english_theme("Routes to residence", "routes-to-residence"),
    )


def submit_snippet(client, instance, language_code: str) -> Translation:
    locale = Locale.objects.get(language_code=language_code)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "theme", instance.pk])
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def po_file(translation: Translation) -> SimpleUploadedFile:
    """The translation's PO file (Download PO file) with every string translated, as a translator uploads it."""
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Gekaapt"
    return SimpleUploadedFile("vertaling.po", str(po).encode(), content_type="text/x-gettext-translation")


def editor_url(instance) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse("wagtailsnippets_home_theme:edit", args=[instance.pk])


def segment_url(name: str, translation: Translation) -> str:
    segments = OverridableSegment if name == "edit_override" else StringSegment
    segment = segments.objects.filter(source=translation.source).first()
    return reverse(f"wagtail_localize:{name}", args=[translation.pk, segment.pk])


def stopped(translation: Translation) -> None:
    translation.enabled = False
    translation.save(update_fields=["enabled"])


def translation_of(kind: str):
    return lambda d: d.page_translation if kind == "page" else d.theme_translation


def target_of(kind: str):
    return lambda d: d.page if kind == "page" else d.theme


def translate_url(name: str, kind: str):
    return lambda d: reverse(f"wagtail_localize:{name}", args=[translation_of(kind)(d).pk])


def source_changed(translation: Translation) -> None:
    """The English source changed since it was translated: what "Sync" then brings into the Dutch translation."""
    source = translation.source.get_source_instance()
    if isinstance(source, Page):
        source.title = f"{source.title}, updated"
        source.save_revision().publish()
    else:
        source.name = f"{source.name}, updated"
        source.save()


def update_url(kind: str):
    return lambda d: reverse("wagtail_localize:update_translations", args=[translation_of(kind)(d).source_id])


@dataclass(frozen=True)
class Request:
    method: str
    url: object  # Dutch -> str
    data: object = None  # Dutch -> dict (POST data)
    setup: object = None  # Dutch -> None, before anything is compared
    content_type: str | None = None


FORM = "application/x-www-form-urlencoded"


def into_dutch(d: Dutch) -> dict:
    """The "Vertalen" form's POST asking for Dutch."""
    return {"locales": [Locale.objects.get(language_code="nl").pk]}


# Every view of wagtail-localize (and Wagtail's editor it takes over) that changes a translation into Dutch.
CHANGES = {
    # The translation editor (wagtail-localize's before_edit_page / before_edit_snippet): opening it, publishing
    # ("Publiceer in het Nederlands"), restarting a stopped translation.
    **{
        f"{kind}: open the translation editor": Request("GET", lambda d, k=kind: editor_url(target_of(k)(d)))
        for kind in ("page", "theme")
    },
    **{
        f"{kind}: publish in the translation editor": Request(
            "POST", lambda d, k=kind: editor_url(target_of(k)(d)), lambda d: {"action": "publish"}
        )
        for kind in ("page", "theme")
    },
    **{
        f"{kind}: restart a stopped translation": Request(
            "POST",
            lambda d, k=kind: editor_url(target_of(k)(d)),
            lambda d: {"localize-restart-translation": "1"},
            setup=lambda d, k=kind: stopped(translation_of(k)(d)),
        )
        for kind in ("page", "theme")
    },
    # The editor's saving API (editors/translation_api.py).
    **{
        f"page: {name} {method}": Request(
            method,
            lambda d, n=name: segment_url(n, d.page_translation),
            lambda d: urlencode({"value": "Gekaapt"}),
            content_type=FORM,
        )
        for name in ("edit_string_translation", "edit_override")
        for method in ("PUT", "DELETE")
    },
    # The editor's buttons: upload PO file, machine translation, stop translation.
    **{
        f"{kind}: upload a PO file": Request(
            "POST", translate_url("upload_pofile", kind), lambda d, k=kind: {"file": po_file(translation_of(k)(d))}
        )
        for kind in ("page", "theme")
    },
    **{
        f"{kind}: machine translation": Request("POST", translate_url("machine_translate", kind))
        for kind in ("page", "theme")
    },
    **{
        f"{kind}: stop the translation": Request("POST", translate_url("stop_translation", kind))
        for kind in ("page", "theme")
    },
    # "Sync translated pages / snippets" of the English source (with "Publish immediately").
    **{f"{kind}: sync form": Request("GET", update_url(kind)) for kind in ("page", "theme")},
    **{
        f"{kind}: sync and publish": Request(
            "POST",
            update_url(kind),
            lambda d: {"publish_translations": "on"},
            setup=lambda d, k=kind: source_changed(translation_of(k)(d)),
        )
        for kind in ("page", "theme")
    },
    # "Convert to alias page": the Dutch page's own text replaced by the English page's.
    "page: convert to alias (confirm)": Request(
        "GET", lambda d: reverse("wagtail_localize:convert_to_alias", args=[d.page.pk])
    ),
    "page: convert to alias": Request(
        "POST", lambda d: reverse("wagtail_localize:convert_to_alias", args=[d.page.pk]), lambda d: {}
    ),
    # "Vertalen" into Dutch: a new Dutch page or theme.
    "page: translate into Dutch": Request(
        "POST", lambda d: reverse("wagtail_localize:submit_page_translation", args=[d.english_page.pk]), into_dutch
    ),
    "theme: translate into Dutch": Request(
        "POST",
        lambda d: reverse("wagtail_localize:submit_snippet_translation", args=["home", "theme", d.english_theme.pk]),
        into_dutch,
    ),
}


def send(client, request: Request, dutch: Dutch):
    url = request.url(dutch)
    data = request.data(dutch) if request.data else {}
    if request.method == "GET":
        return client.get(url)
    if request.method == "POST":
        return client.post(url, data)
    return client.generic(request.method, url, data, content_type=request.content_type)


def dutch_state() -> dict:
    """Everything Dutch these views could store or change."""
    nl = Locale.objects.get(language_code="nl")
    into_dutch = Translation.objects.filter(target_locale=nl)
    return {
        "strings": set(StringTranslation.objects.filter(locale=nl).values_list("pk", "data", "updated_at")),
        "overrides": set(SegmentOverride.objects.filter(locale=nl).values_list("pk", "data_json", "updated_at")),
        "translations": set(into_dutch.values_list("pk", "enabled", "source__last_updated_at")),
        "pages": set(
            Page.objects.filter(locale=nl).values_list(
                "pk", "title", "draft_title", "live", "alias_of_id", "latest_revision_id", "has_unpublished_changes"
            )
        ),
        "themes": set(Theme.objects.filter(locale=nl).values_list("pk", "name", "slug")),
    }


def refused_by_the_guard(response) -> bool:
    """The guard's answer: the dashboard with its message, or (the editor's API) 403 with it."""
    message = translator_guard.refusal_message()
    if response.status_code == 403:
        return response.json() == {"detail": message}
    if response.status_code != 302 or response["Location"] not in (reverse("wagtailadmin_home"), "/admin/"):
        return False
    # Wagtail's admin messages are HTML (escaped, room for buttons after the text).
    return message in [unescape(str(each)).strip() for each in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("action", list(CHANGES))
def test_vertalers_change_nothing_in_a_translation_into_dutch(login, dutch, action, django_capture_on_commit_callbacks):
    request = CHANGES[action]
    if request.setup:
        request.setup(dutch)
    before = dutch_state()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once the request commits
        response = send(login("Vertalers"), request, dutch)
    assert refused_by_the_guard(response), (response.status_code, response.get("Location"))
    assert dutch_state() == before


# Reading a translation into Dutch changes nothing: PO file download and preview stay open to Vertalers.
READS = {
    "page: download the PO file": lambda d: reverse("wagtail_localize:download_pofile", args=[d.page_translation.pk]),
    "theme: download the PO file": lambda d: reverse("wagtail_localize:download_pofile", args=[d.theme_translation.pk]),
    "page: preview": lambda d: reverse("wagtail_localize:preview_translation", args=[d.page_translation.pk]),
}


@pytest.mark.parametrize("read", list(READS))
def test_vertalers_may_read_a_translation_into_dutch(login, dutch, read):
    before = dutch_state()
    assert login("Vertalers").get(READS[read](dutch)).status_code == 200
    assert dutch_state() == before


def test_the_redactie_uploads_a_po_file_into_dutch(login, dutch):
    client = login("Redactie")
    url = reverse("wagtail_localize:upload_pofile", args=[dutch.page_translation.pk])
    response = client.post(url, {"file": po_file(dutch.page_translation)})
    assert response.status_code == 302 and not refused_by_the_guard(response)
    source = dutch.page_translation.source
    strings = StringTranslation.objects.filter(locale__language_code="nl", translation_of__segments__source=source)
    assert strings.exists() and set(strings.values_list("data", flat=True)) == {"Gekaapt"}


def offered(client, page) -> set[str]:
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    assert response.status_code == 200
    ids = re.findall(r'name="locales" value="(\d+)"', response.content.decode())
    return set(Locale.objects.filter(pk__in=ids).values_list("language_code", flat=True))


def test_vertalen_offers_vertalers_no_dutch(login, dutch):
    assert "nl" not in offered(login("Vertalers", "vertaler"), dutch.english_page)
    assert "nl" in offered(login("Redactie", "redacteur"), dutch.english_page)


def test_vertalers_still_do_it_all_for_a_translation_into_english(
    login, translation, django_capture_on_commit_callbacks
):
    # `translation`: a Dutch page translated into English (tests/editors/conftest.py), the Vertalers' everyday work.
    client = login("Vertalers")
    into_english = translation
    english = into_english.get_target_instance()
    assert client.get(editor_url(english)).status_code == 200
    assert client.post(reverse("wagtail_localize:machine_translate", args=[into_english.pk])).status_code == 302
    assert StringTranslation.objects.filter(locale__language_code="en", translation_type="machine").exists()
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[into_english.pk]), {"file": po_file(into_english)}
    )
    assert not refused_by_the_guard(response)
    assert StringTranslation.objects.filter(locale__language_code="en", data="Gekaapt").exists()
    sync = reverse("wagtail_localize:update_translations", args=[into_english.source_id])
    assert client.get(sync).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert not refused_by_the_guard(client.post(sync, {"publish_translations": "on"}))
    english.refresh_from_db()
    assert english.live
    assert not refused_by_the_guard(client.post(reverse("wagtail_localize:stop_translation", args=[into_english.pk])))
    into_english.refresh_from_db()
    assert not into_english.enabled
