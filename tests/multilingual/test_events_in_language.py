"""Events are translatable: the agenda of every language lists every event once, in the visitor's language
where it has been translated (in Dutch, marked lang="nl", where not), at one stable id; imports and undo work on
the Dutch originals and take their translations along."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from editors import roles
from events.importing import UndoNotPossible, run_import, undo_import
from events.models import AMSTERDAM, Event, EventIndexPage
from events.templatetags.events_tags import related_events as related_events_tag
from multilingual.translation import translate
from tests.events.conftest import fixture_bytes
from tests.multilingual.helpers import submit_snippet_translation

pytestmark = pytest.mark.django_db

ENGLISH = {"Training": "Training session", "Vrijwilligers en hulpverleners": "Volunteers and care workers"}


@pytest.fixture
def english_agenda() -> EventIndexPage:
    agenda = EventIndexPage.objects.live().filter(locale__language_code="en").first()
    assert agenda is not None, "the demo has an English agenda page"
    return agenda


@pytest.fixture
def imported():
    """The events of a spreadsheet import (Dutch originals), one of them ('Training', K-7) translated."""
    report = run_import(fixture_bytes("matching_first.csv"), "matching_first.csv", dry_run=False)
    training = Event.objects.get(external_id="K-7")
    training.audience = "Vrijwilligers en hulpverleners"
    training.save()
    english = translate(training, "en", ENGLISH)
    return report, training, english


def _cards(html: str) -> list[tuple[str, str, str]]:
    """(lang attribute, href, title) of the event cards."""
    return re.findall(r'<h2 class="event-card__title"(?: lang="([a-z]+)")?><a href="([^"]+)">([^<]+)</a>', html)


def _path(page) -> str:
    return page.get_url_parts()[2]


def test_the_english_agenda_lists_every_event_once_translated_where_possible(client, english_agenda, imported):
    _report, training, english = imported
    dutch_cards = _cards(client.get("/agenda/?maand=2027-03").content.decode())
    cards = _cards(client.get(_path(english_agenda) + "?maand=2027-03").content.decode())
    assert len(cards) == len(dutch_cards) == 3
    by_title = {title: (lang, href) for lang, href, title in cards}
    assert by_title["Training session"] == ("", f"{_path(english_agenda)}{training.pk}-training-session/")
    lang, href = by_title["Debat"]
    assert lang == "nl"  # untranslated: its Dutch text is marked as Dutch on the English page
    assert href.startswith(_path(english_agenda))
    assert english.pk != training.pk and "Training" not in by_title


def test_an_event_in_english_at_the_originals_id(client, english_agenda, imported):
    _report, training, english = imported
    url = f"{_path(english_agenda)}{training.pk}-training-session/"
    html = client.get(url).content.decode()
    assert "<h1>Training session</h1>" in html
    assert "Volunteers and care workers" in html
    # The switcher leads to the same event in Dutch; hreflang names both.
    assert f'href="/agenda/{training.pk}-training/" lang="nl"' in html
    assert f'hreflang="en" href="http://testserver{url}"' in html
    # A Dutch slug, or the translation's own id (an older link), lands on the one address.
    for old in (f"{_path(english_agenda)}{training.pk}-training/", f"{_path(english_agenda)}{english.pk}-x/"):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == url


def test_a_reimport_changes_the_translation_too_without_a_sync(client, english_agenda, imported):
    """Date, time and place come from the original, so a corrected spreadsheet shows in every language."""
    _report, training, _english = imported
    run_import(fixture_bytes("matching_corrected.csv"), "matching_corrected.csv", dry_run=False)
    training.refresh_from_db()
    assert training.start == datetime.datetime(2027, 3, 21, 10, 0, tzinfo=AMSTERDAM)  # was the 20th
    assert Event.objects.filter(external_id="K-7").count() == 2  # original + translation, no duplicate
    html = client.get(f"{_path(english_agenda)}{training.pk}-training-session/").content.decode()
    assert "2027-03-21T10:00:00+01:00" in html


def test_undo_keeps_an_event_translated_after_the_import(imported):
    """A translation made after the import is later work: undo names it and, when asked to keep it, removes only
    the other events (issue 17: undo deleted an event with a hand-made English translation)."""
    report, training, english = imported
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(report.batch)
    assert [(change.pk, change.reason) for change in refused.value.changes] == [
        (training.pk, "na de import vertaald (English)")
    ]
    assert Event.objects.filter(pk__in=[training.pk, english.pk]).count() == 2
    removed, _restored = undo_import(report.batch, keep_later_changes=True)
    assert removed == 2
    assert Event.objects.filter(pk__in=[training.pk, english.pk]).count() == 2


def test_exports_and_counts_see_originals_only(admin_client, imported):
    report, _training, _english = imported
    csv = admin_client.get(reverse("events_admin:export") + "?format=csv").content.decode()
    assert csv.count("K-7") == 1
    batch = admin_client.get(reverse("events_admin:batch", args=[report.batch.pk]))
    assert batch.context["event_count"] == 3


def test_translating_an_event_in_the_admin(admin_client, client, english_agenda, imported):
    _report, training, english = imported
    english.delete()
    translated = submit_snippet_translation(admin_client, training, Locale.objects.get(language_code="en"))
    assert translated.start == training.start and translated.external_id == "K-7"  # synchronised
    assert admin_client.get(reverse("wagtailsnippets_events_event:edit", args=[translated.pk])).status_code == 200


def test_a_vertaler_edits_the_english_event_but_not_the_dutch_one(client, django_user_model, imported):
    from django.contrib.auth.models import Group

    _report, training, english = imported
    user = django_user_model.objects.create_user("vertaler", password="een-lang-wachtwoord-2026")
    user.groups.add(Group.objects.get(name=roles.VERTALERS))
    client.force_login(user)
    assert client.get(reverse("wagtailsnippets_events_event:edit", args=[english.pk])).status_code == 200
    response = client.get(reverse("wagtailsnippets_events_event:edit", args=[training.pk]))
    assert response.status_code == 302  # refused, with a message


def test_related_events_on_an_english_page_link_to_the_english_agenda(english_agenda, imported):
    _report, training, _english = imported
    training.start = datetime.datetime.now(tz=AMSTERDAM) + datetime.timedelta(days=3)
    training.save()
    with translation.override("en"):
        context = related_events_tag({"request": RequestFactory().get("/en/")}, city="Utrecht", limit=10)
    urls = {event.title: event.url for event in context["events"]}
    assert urls["Training session"].endswith(f"{_path(english_agenda)}{training.pk}-training-session/")
    assert context["agenda_url"].endswith(_path(english_agenda))


def test_the_sitemap_lists_upcoming_events_in_each_language_they_exist_in(client, english_agenda, imported):
    _report, training, _english = imported
    for event in Event.objects.filter(external_id__in=["K-7", ""]):
        event.start = datetime.datetime.now(tz=AMSTERDAM) + datetime.timedelta(days=5)
        event.save()
    debate = Event.objects.originals().get(title="Debat")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/agenda/{training.pk}-training/</loc>" in sitemap
    assert f"{_path(english_agenda)}{training.pk}-training-session/</loc>" in sitemap
    assert f"/agenda/{debate.pk}-debat/</loc>" in sitemap
    assert f"{_path(english_agenda)}{debate.pk}-" not in sitemap  # untranslated: Dutch only


def test_an_untranslated_event_in_another_language_is_not_offered_for_indexing(client, english_agenda, imported):
    debate = Event.objects.originals().get(title="Debat")
    html = client.get(f"{_path(english_agenda)}{debate.pk}-debat/").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    assert '<h1 lang="nl">Debat</h1>' in html
    dutch = client.get(f"/agenda/{debate.pk}-debat/").content.decode()
    assert "noindex" not in dutch
    assert 'hreflang="en"' not in dutch  # no English version to point search engines at


def test_an_event_has_one_calendar_uid_in_every_language(client, english_agenda, imported):
    _report, training, _english = imported
    dutch = client.get(f"/agenda/{training.pk}-training/ical/").content.decode()
    english = client.get(f"{_path(english_agenda)}{training.pk}-training-session/ical/").content.decode()
    uid = re.search(r"UID:(\S+)", dutch).group(1)
    assert uid == re.search(r"UID:(\S+)", english).group(1) == f"event-{training.pk}@testserver"
    assert "SUMMARY:Training session" in english
