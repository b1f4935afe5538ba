"""A report never leaves the register: not in search (no index), the API, feeds, the sitemap, Wagtail's log
entries, the reference index or the server log."""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, ReferenceIndex
from wagtail.search.index import class_is_indexed

from meldpunt.models import Report, Topic

pytestmark = pytest.mark.django_db

WORD = "Zwartbekblauwvinkje"  # a word that appears nowhere else (searched for, so echoed as the query)
HIDDEN = "Roodgeelgestreepte"  # only in the report, never in a query


def test_reports_have_no_search_index():
    assert not class_is_indexed(Report)


@pytest.mark.parametrize(
    "url",
    [
        "/zoeken/?q=" + WORD,
        "/api/v2/search/?q=" + WORD,
        "/api/v2/pages/?search=" + WORD,
        "/api/v2/openapi.json",
        "/sitemap.xml",
        "/nieuws/feed/rss/",
    ],
)
def test_no_public_url_shows_a_report(client, make_report, url):
    report = make_report(description=f"{WORD} {HIDDEN} in de cel", contact=f"{WORD} {HIDDEN} 06-1234")
    response = client.get(url)
    assert response.status_code < 500
    text = response.content.decode(errors="replace")
    assert HIDDEN not in text and report.reference not in text
    assert "/admin/meldpunt/" not in text


def test_admin_log_entries_and_the_reference_index_keep_no_text(client, user_in, location, caplog):
    client.force_login(user_in("Meldpunt"))
    caplog.set_level(logging.DEBUG)
    client.post(
        reverse("meldpunt_report:add"),
        {
            "received_on": "2026-11-30",
            "channel": "phone",
            "location": location.pk,
            "topics": [Topic.objects.get(slug="food").pk],
            "description": f"{WORD} geheim",
            "urgency": "normal",
        },
    )
    report = Report.objects.get(description__contains=WORD)
    entries = ModelLogEntry.objects.filter(object_id=str(report.pk))
    assert entries.exists()
    for entry in entries:
        assert WORD not in entry.label and WORD not in str(entry.data)
        assert entry.label == report.reference
    assert not ReferenceIndex.objects.filter(object_id=str(report.pk), base_content_type__model="report").exists()
    assert WORD not in caplog.text
