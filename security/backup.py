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
"""

from __future__ import annotations

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


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def create_backup(target: Path, *, alias: str = "default", media_root: Path | None = None) -> dict:
    """Write a backup archive to `target`; returns its manifest."""
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
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=DB_MEMBER[engine])
            for path in media_files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        partial.replace(target)  # a half-written archive never looks like a backup
    return manifest


def read_manifest(source: Path) -> dict:
    try:
        with tarfile.open(source, "r") as archive:
            member = archive.extractfile("manifest.json")
            manifest = json.load(member) if member else None
    except (tarfile.TarError, KeyError, json.JSONDecodeError, OSError) as error:
        raise BackupError(f"{source} is not a LOS backup archive ({error}).") from error
    if not manifest or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{source} has an unknown backup format.")
    return manifest


def restore_backup(source: Path, *, alias: str = "default", media_root: Path | None = None) -> dict:
    """Replace the database and the media folder with the contents of the archive `source`."""
    manifest = read_manifest(source)
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
