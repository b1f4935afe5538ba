"""Backup and restore of the database and the media files in one archive.

Why not django-dbbackup (evaluated, 5.4): it writes database and media as separate files with their own naming
and storage layer, and its SQLite connector dumps and replays SQL text, which fails on a database that already has
tables. The engines' own tools are the reliable path, and they are small to drive:

- PostgreSQL: `pg_dump --format=custom` (a consistent snapshot while the site runs) and `pg_restore --clean
  --if-exists --no-owner --single-transaction` (all or nothing). Needs the client tools of the server's major
  version on the PATH (Debian: postgresql-client).
- SQLite: the online backup API of the sqlite3 module, both ways (a consistent copy, also of a database in use).

One archive (`.tar`) holds `manifest.json`, the database dump and `media/` (everything under MEDIA_ROOT). Media
are not in the database snapshot's transaction: make backups when nobody is uploading, or accept that a file
uploaded during the backup may be missing from it. Restore replaces the database and the media folder.

The archive holds password hashes, TOTP secrets and sign-ups, so (issue 17) it is private and encrypted: written
with mode 0600 (only the account that made it can read it), encrypted with OpenPGP symmetric encryption (`gpg
--symmetric`, AES-256) under BACKUP_PASSPHRASE, so an operator can decrypt it by hand with `gpg -d` if this code is
gone. The passphrase is never in a backup; keep it in the password manager, not on the machine that holds the
backups. `prune_backups` deletes archives older than BACKUP_RETENTION_DAYS from the backup folder, so deleted
sign-ups and accounts leave the backups within that many days (docs/security.md).
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT_VERSION = 1
DB_MEMBER = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
ENCRYPTED_SUFFIX = ".gpg"
PRIVATE = 0o600


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def _engine(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in DB_MEMBER:
        raise BackupError(f"Database engine {vendor!r} is not supported (PostgreSQL and SQLite are).")
    return vendor


def _pg_env(alias: str) -> tuple[list[str], dict[str, str]]:
    conf = connections[alias].settings_dict
    args = ["--dbname", conf["NAME"]]
    if conf.get("HOST"):
        args += ["--host", conf["HOST"]]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", conf["USER"]]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = conf["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict[str, str], stdin: str | None = None) -> None:
    if shutil.which(command[0]) is None:
        package = "gnupg" if command[0] == "gpg" else "postgresql-client"
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install {package}).")
    result = subprocess.run(  # noqa: S603 - fixed programs, arguments are paths and options
        command, env=env, input=stdin, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _gpg(passphrase: str, *args: str) -> None:
    """gpg without a keyring or agent of the user's: a throwaway home, the passphrase on standard input."""
    with tempfile.TemporaryDirectory(prefix="los-gpg-") as home:
        base = ["gpg", "--homedir", home, "--batch", "--yes", "--quiet", "--pinentry-mode", "loopback"]
        _run([*base, "--passphrase-fd", "0", *args], {**os.environ, "GNUPGHOME": home}, stdin=passphrase)


def _passphrase(passphrase: str | None) -> str:
    passphrase = settings.LOS_BACKUP_PASSPHRASE if passphrase is None else passphrase
    if len(passphrase) < 16:
        raise BackupError("Set BACKUP_PASSPHRASE (at least 16 characters): backups are always encrypted.")
    return passphrase


@contextlib.contextmanager
def _plain_archive(source: Path, passphrase: str | None):
    """The unencrypted tar of `source` (decrypted into a private temporary folder when it is encrypted)."""
    if not source.exists():
        raise BackupError(f"{source} does not exist.")
    if tarfile.is_tarfile(source):
        yield source
        return
    with tempfile.TemporaryDirectory(prefix="los-decrypt-") as tmp:
        plain = Path(tmp) / "backup.tar"
        try:
            _gpg(_passphrase(passphrase), "--output", str(plain), "--decrypt", str(source))
        except BackupError as error:
            raise BackupError(f"{source} is not a LOS backup archive or the passphrase is wrong.") from error
        yield plain


def prune_backups(folder: Path, days: int | None = None) -> list[Path]:
    """Delete encrypted archives (`*.tar.gpg`) in `folder` older than `days` (BACKUP_RETENTION_DAYS)."""
    days = settings.LOS_BACKUP_RETENTION_DAYS if days is None else days
    threshold = datetime.datetime.now(datetime.UTC).timestamp() - days * 86400
    removed = []
    for path in sorted(folder.glob(f"*.tar{ENCRYPTED_SUFFIX}")):
        if path.is_file() and not path.is_symlink() and path.stat().st_mtime < threshold:
            path.unlink()
            removed.append(path)
    return removed


def create_backup(
    target: Path, *, alias: str = "default", media_root: Path | None = None, passphrase: str | None = None
) -> dict:
    """Write an encrypted, private (0600) backup archive to `target`; returns its manifest."""
    passphrase = _passphrase(passphrase)
    engine = _engine(alias)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="los-backup-") as tmp:
        dump = Path(tmp) / DB_MEMBER[engine]
        if engine == "postgresql":
            args, env = _pg_env(alias)
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(dump), *args], env)
        else:
            connection = connections[alias]
            connection.ensure_connection()
            with sqlite3.connect(dump) as destination:
                connection.connection.backup(destination)
            destination.close()
        media_files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
        manifest = {
            "format": FORMAT_VERSION,
            "engine": engine,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": DB_MEMBER[engine],
            "media_files": len(media_files),
        }
        target.parent.mkdir(parents=True, exist_ok=True)
        plain = Path(tmp) / "backup.tar"  # inside the private (0700) temporary folder
        with tarfile.open(plain, "w") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=DB_MEMBER[engine])
            for path in media_files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))  # private before any byte
        _gpg(passphrase, "--symmetric", "--cipher-algo", "AES256", "--output", str(partial), str(plain))
        partial.chmod(PRIVATE)
        partial.replace(target)  # a half-written archive never looks like a backup
    return manifest


def read_manifest(source: Path, *, passphrase: str | None = None) -> dict:
    with _plain_archive(source, passphrase) as plain:
        return _read_manifest(plain, source)


def _read_manifest(plain: Path, source: Path) -> dict:
    try:
        with tarfile.open(plain, "r") as archive:
            member = archive.extractfile("manifest.json")
            manifest = json.load(member) if member else None
    except (tarfile.TarError, KeyError, json.JSONDecodeError, OSError) as error:
        raise BackupError(f"{source} is not a LOS backup archive ({error}).") from error
    if not manifest or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{source} has an unknown backup format.")
    return manifest


def restore_backup(
    source: Path, *, alias: str = "default", media_root: Path | None = None, passphrase: str | None = None
) -> dict:
    """Replace the database and the media folder with the contents of the archive `source`."""
    with _plain_archive(source, passphrase) as plain:
        return _restore(plain, source, alias, media_root)


def _restore(source: Path, original: Path, alias: str, media_root: Path | None) -> dict:
    manifest = _read_manifest(source, original)
    engine = _engine(alias)
    if manifest["engine"] != engine:
        raise BackupError(f"The backup is of a {manifest['engine']} database; this site uses {engine}.")
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="los-restore-") as tmp, tarfile.open(source, "r") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        archive.extractall(tmp, filter="data")
        dump = Path(tmp) / manifest["database"]
        connection = connections[alias]
        if engine == "postgresql":
            connection.close()
            args, env = _pg_env(alias)
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    *args,
                    str(dump),
                ],
                env,
            )
        else:
            connection.ensure_connection()
            with sqlite3.connect(dump) as backup_db:
                backup_db.backup(connection.connection)
            backup_db.close()
        restored_media = Path(tmp) / "media"
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        if restored_media.exists():
            shutil.copytree(restored_media, media_root, dirs_exist_ok=True)
    return manifest
