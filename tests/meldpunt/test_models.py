"""The register's model: references, the encrypted contact column, contact gone at closing, nothing in str/repr."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from meldpunt.models import DetentionLocation, Report, Status, Topic

pytestmark = pytest.mark.django_db


def _raw_contact(report: Report) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT contact FROM {Report._meta.db_table} WHERE id = %s", [report.pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_seeded_topics_and_real_locations():
    assert set(Topic.objects.values_list("slug", flat=True)) == {
        "medical",
        "treatment",
        "isolation",
        "deportation",
        "legal_aid",
        "family",
        "food",
        "other",
    }
    assert DetentionLocation.objects.get(name="Grenshospitium Schiphol").active is False
    assert DetentionLocation.objects.filter(kind="police_cells").count() >= 3


def test_reference_numbers_per_year(make_report):
    first = make_report(received_on=datetime.date(2026, 3, 1))
    second = make_report(received_on=datetime.date(2026, 3, 2))
    other_year = make_report(received_on=datetime.date(2025, 12, 31))
    assert first.reference.startswith("MVD-2026-")
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1
    assert other_year.reference.startswith("MVD-2025-")


def test_contact_is_encrypted_in_the_raw_column(make_report):
    report = make_report(contact="Terugbellen via 06-12345678, advocaat mr. Jansen")
    raw = _raw_contact(report)
    assert "06-12345678" not in raw and "Jansen" not in raw
    assert raw.startswith("gAAAAA")  # a Fernet token
    assert Report.objects.get(pk=report.pk).contact == "Terugbellen via 06-12345678, advocaat mr. Jansen"


def test_contact_is_deleted_when_the_case_closes(make_report):
    report = make_report(contact="06-12345678")
    report.status = Status.CLOSED
    report.save()
    report.refresh_from_db()
    assert report.contact == "" and _raw_contact(report) == ""
    assert report.closed_on is not None


def test_str_and_repr_show_only_the_reference(make_report):
    report = make_report(description="Bijzonder geheime beschrijving", contact="06-99999999")
    for text in (str(report), repr(report)):
        assert "geheime" not in text and "06-" not in text
        assert report.reference in text
