"""An abandoned import's kept copy holds descriptions: its own job removes it after an hour (not the agenda's day),
and only the Meldpunt's copies (meldpunt/importing.py KeptSheet, `manage.py meldpunt_clean_imports`)."""

from __future__ import annotations

import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from meldpunt.importing import KeptSheet
from security import periodic
from spreadsheets.uploads import KeptUpload, open_token, token_for


def _age(kept: KeptUpload, minutes: int) -> None:
    path = kept._storage.path(kept.path)
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_the_clean_up_is_a_scheduled_job():
    assert periodic.JOBS["meldpunt_clean_imports"].every.total_seconds() <= 3600


def test_copies_older_than_an_hour_go_and_the_agendas_uploads_stay():
    abandoned = KeptSheet.keep(ContentFile(b"Omschrijving", name="meldingen.xlsx"))
    recent = KeptSheet.keep(ContentFile(b"Omschrijving", name="meldingen.xlsx"))
    agenda = KeptUpload.keep(ContentFile(b"agenda", name="agenda.xlsx"))
    _age(abandoned, 61)
    _age(recent, 30)
    _age(agenda, 120)  # the agenda's uploads keep their own day
    try:
        call_command("meldpunt_clean_imports", verbosity=0)
        assert not abandoned.exists() and recent.exists() and agenda.exists()
    finally:
        recent.remove(), agenda.remove()


def test_a_token_opens_only_a_copy_of_its_own_kind():
    sheet = KeptSheet.keep(ContentFile(b"x", name="meldingen.xlsx"))
    try:
        token = token_for(sheet, "register.xlsx")
        assert open_token(token, KeptSheet)[1] == "register.xlsx"
        assert open_token(token) is None  # the agenda's and the figures' imports do not open the Meldpunt's copy
    finally:
        sheet.remove()


@pytest.mark.django_db
def test_an_expired_copy_is_a_clear_message_not_an_error(client, user_in):
    sheet = KeptSheet.keep(ContentFile(b"x", name="meldingen.xlsx"))
    token = token_for(sheet, "register.xlsx")
    sheet.remove()
    client.force_login(user_in("Meldpunt"))
    response = client.get(f"/admin/meldpunt-import/voorbeeld/?token={token}")
    assert response.status_code == 404
