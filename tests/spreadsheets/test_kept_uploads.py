"""An import's kept copy holds what a volunteer uploaded: Meldpunt reports, subscribers' addresses. It is kept where
nothing that serves /media/ can reach it, and the browser's token shows neither its place nor its name."""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile

from meldpunt.importing import KeptSheet
from spreadsheets import uploads
from spreadsheets.uploads import KeptUpload, open_token, token_for, token_path

SECRET_NAME = "register-Fatima.csv"


@pytest.fixture
def kept():
    sheet = KeptSheet.keep(ContentFile(b"Omschrijving\nZwartbekblauwvinkje", name=SECRET_NAME))
    yield sheet
    sheet.remove()


def test_kept_copies_live_outside_the_public_media_folder(kept):
    on_disk = Path(kept._storage.path(kept.path)).resolve()
    assert on_disk.exists()
    assert not on_disk.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert on_disk.stat().st_mode & 0o077 == 0  # readable by the site's own account only


def test_the_token_shows_neither_place_nor_name(kept):
    token = token_for(kept, SECRET_NAME)
    readable = token + " " + base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("latin-1")
    assert "Fatima" not in readable and kept.path.split("/")[-1] not in readable
    assert open_token(token, KeptSheet)[1] == SECRET_NAME
    assert token_path(token) == kept.path


def test_an_altered_forged_or_old_token_opens_nothing(kept, monkeypatch):
    token = token_for(kept, SECRET_NAME)
    altered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    for bad in (altered, "", "x" * 5000, "gAAAAA", "é"):
        assert open_token(bad, KeptSheet) is None and token_path(bad) == ""
    monkeypatch.setattr(uploads, "TOKEN_MAX_AGE", 0)
    monkeypatch.setattr(time, "time", lambda: 10**10)  # Fernet reads the clock through time.time
    assert open_token(token, KeptSheet) is None


def test_every_kind_of_import_keeps_its_copy_in_the_private_storage():
    from newsletter.importing import KeptList

    for kind in (KeptUpload, KeptSheet, KeptList):
        assert kind(name="x.csv")._storage.location == settings.STORAGES["import_export"]["OPTIONS"]["location"]


def test_on_object_storage_the_kept_copies_have_a_prefix_the_proxy_does_not_forward():
    from tests.security.test_production_settings import PRODUCTION, REQUIRED
    from tests.settings_probe import load_settings

    bucket = {**REQUIRED, "AWS_STORAGE_BUCKET_NAME": "los-media"}
    found = load_settings(PRODUCTION, **bucket)
    assert found.STORAGES["import_export"]["OPTIONS"]["location"] == "private"
    assert found.STORAGES["default"]["BACKEND"] == "cms.storage.ProxiedS3Storage"
    for public, private in (("media", "media/private"), ("media", "media"), ("", "private"), ("media", "")):
        with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_LOCATION"):
            load_settings(PRODUCTION, **bucket, AWS_LOCATION=public, AWS_PRIVATE_LOCATION=private)
    assert load_settings(PRODUCTION, **bucket, AWS_LOCATION="media", AWS_PRIVATE_LOCATION="media-private")
