"""Backup and restore round trip: `manage.py backup` of the (seeded) test database and media, `manage.py
restore` into another, empty database in a separate process, as an operator would; on SQLite and on
PostgreSQL (run the suite with DATABASE_URL=postgres://...)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from cms.local_services import create_scratch_database, drop_scratch_database

from .test_periodic import cursor_on

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture
def target_database(tmp_path: Path):
    """An empty database of the same engine as the test database (dropped afterwards on PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    # The test database's server, under the test database's name (DATABASE_URL names the non-test one).
    test_url = urlparse(os.environ["DATABASE_URL"])._replace(path=f"/{connection.settings_dict['NAME']}").geturl()
    url = create_scratch_database(test_url, "restore", tmp_path / "unused.sqlite3")
    yield url
    drop_scratch_database(url)


def manage(*args: str, database_url: str, media_root: Path) -> str:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "LOS_TEST_MEDIA_ROOT": str(media_root),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_backup_and_restore_round_trip(tmp_path, settings, target_database):
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "jaarverslag.pdf").write_bytes(b"%PDF-1.4 jaarverslag\n")
    (media / "original_images").mkdir()
    (media / "original_images" / "foto.jpg").write_bytes(b"\xff\xd8\xff jpeg bytes")
    settings.MEDIA_ROOT = str(media)
    pages = Page.objects.count()
    titles = sorted(Page.objects.values_list("title", flat=True))
    assert pages > 20  # the seeded demo site

    archive = tmp_path / "backups" / "los.tar.gpg"
    call_command("backup", str(archive), verbosity=0)
    assert (archive.stat().st_mode & 0o777) == 0o600  # issue 17: archives were world-readable
    assert not tarfile.is_tarfile(archive)  # encrypted
    raw = archive.read_bytes()
    assert b"jaarverslag" not in raw and b"manifest" not in raw
    plain = tmp_path / "plain.tar"
    subprocess.run(  # an operator can decrypt it by hand, without this code
        ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", settings.LOS_BACKUP_PASSPHRASE,
         "--homedir", str(tmp_path), "-o", str(plain), "-d", str(archive)],
        check=True, capture_output=True,
    )  # fmt: skip
    with tarfile.open(plain) as tar:
        names = tar.getnames()
    assert "manifest.json" in names
    assert "media/documents/jaarverslag.pdf" in names and "media/original_images/foto.jpg" in names

    restored_media = tmp_path / "restored-media"
    restored_media.mkdir()
    (restored_media / "stale.txt").write_text("not in the backup")
    url = target_database
    manage("restore", str(archive), "--yes", database_url=url, media_root=restored_media)
    # Read back through a connection of this process (a Django process less than `manage.py shell`).
    with cursor_on(url) as cursor:
        cursor.execute("SELECT title FROM wagtailcore_page")
        assert sorted(title for (title,) in cursor.fetchall()) == titles
    # A second restore replaces a database that already has everything; then the restored site serves pages.
    # One process for both (the same command through call_command), instead of one Django start for each.
    output = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.core.management import call_command; call_command('restore', {str(archive)!r}, '--yes'); "
        "from django.test import Client; from wagtail.models import Page; "
        "print('|'.join(sorted(Page.objects.values_list('title', flat=True)))); "
        "print(Client().get('/over-los/').status_code)",
        database_url=url,
        media_root=restored_media,
    ).splitlines()
    assert output[-2].split("|") == titles
    assert output[-1] == "200"
    assert (restored_media / "documents" / "jaarverslag.pdf").read_bytes() == b"%PDF-1.4 jaarverslag\n"
    assert (restored_media / "original_images" / "foto.jpg").exists()
    assert not (restored_media / "stale.txt").exists()  # restore replaces the media folder


def test_restore_refuses_something_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar"
    bogus.write_bytes(b"not a tar file")
    with pytest.raises(CommandError, match="not a LOS backup"):
        call_command("restore", str(bogus), "--yes")


def test_restore_refuses_another_engine(tmp_path, settings):
    import io
    import json

    archive = tmp_path / "other.tar"
    manifest = json.dumps({"format": 1, "engine": "mysql", "database": "x", "media_files": 0, "created": "now"})
    with tarfile.open(archive, "w") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest.encode()))
    with pytest.raises(CommandError, match="mysql"):
        call_command("restore", str(archive), "--yes")
    assert Page.objects.exists()  # nothing touched


def test_backup_refuses_without_a_passphrase(tmp_path, settings):
    settings.LOS_BACKUP_PASSPHRASE = ""
    with pytest.raises(CommandError, match="BACKUP_PASSPHRASE"):
        call_command("backup", str(tmp_path / "x.tar.gpg"), verbosity=0)
    assert not list(tmp_path.iterdir())


def test_restore_with_the_wrong_passphrase_changes_nothing(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = tmp_path / "b.tar.gpg"
    call_command("backup", str(archive), verbosity=0)
    settings.LOS_BACKUP_PASSPHRASE = "a-different-passphrase-entirely"
    with pytest.raises(CommandError, match="passphrase is wrong"):
        call_command("restore", str(archive), "--yes")
    assert Page.objects.exists()


def test_backups_past_the_retention_period_are_deleted(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.LOS_BACKUP_RETENTION_DAYS = 30
    folder = tmp_path / "backups"
    folder.mkdir()
    old, recent, other = folder / "old.tar.gpg", folder / "recent.tar.gpg", folder / "notes.txt"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    forty_days_ago = time.time() - 40 * 86400
    os.utime(old, (forty_days_ago, forty_days_ago))
    os.utime(other, (forty_days_ago, forty_days_ago))
    call_command("backup", str(folder / "new.tar.gpg"), verbosity=0)
    assert sorted(p.name for p in folder.iterdir()) == ["new.tar.gpg", "notes.txt", "recent.tar.gpg"]
