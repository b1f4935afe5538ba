"""Every file the site hands out is named by `security.downloads.file_response`: whatever the name holds (a
volunteer's file name with accents, quotes or a line break), the header stays one valid header."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from security.downloads import file_response
from tests.events.conftest import fixture_bytes
from tests.events.test_admin_import import own_private_files, token_of, volunteer, volunteer_client  # noqa: F401


def test_plain_names_are_quoted_and_inline_files_open_in_place():
    response = file_response(b"x", "agenda-2027.csv", "text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="agenda-2027.csv"'
    assert file_response(b"x", "agenda.ics", "text/calendar", inline=True)["Content-Disposition"] == (
        'inline; filename="agenda.ics"'
    )


@pytest.mark.parametrize("name", ['café "oud".xlsx', "a\r\nSet-Cookie: x=1.xlsx", "فعاليات.xlsx", "x\x00y.csv"])
def test_any_name_stays_one_valid_header(name):
    header = file_response(b"x", name, "text/csv")["Content-Disposition"]
    assert "\r" not in header and "\n" not in header and "\x00" not in header
    assert header.startswith("attachment; filename*=utf-8''")
    assert unquote(header.split("''", 1)[1]) == name  # the name arrives whole, not mangled


@pytest.mark.django_db
def test_the_rejected_rows_of_a_file_with_a_hostile_name_download_with_its_name(volunteer_client):  # noqa: F811
    name = 'agenda "café"\r\nX-Test: 1.xlsx'
    uploaded = volunteer_client.post(
        reverse("events_admin:import"), {"file": SimpleUploadedFile(name, fixture_bytes("agenda_with_errors.xlsx"))}
    )
    response = volunteer_client.get(reverse("events_admin:rejected") + f"?token={token_of(uploaded)}&format=csv")
    assert response.status_code == 200 and "X-Test" not in response
    assert response["X-Content-Type-Options"] == "nosniff"  # on every response (SECURE_CONTENT_TYPE_NOSNIFF)
    header = response["Content-Disposition"]
    assert "\n" not in header and unquote(header.split("''", 1)[1]).endswith("-afgekeurd.csv")
    assert "café" in unquote(header)
