"""The seeded test database, built once and kept between runs.

Building the test database costs most of a worker's start: `migrate` (about 300 migrations, almost all of it
Django rendering model states), then `seed_demo` and rendering every page once. The result depends only on the
code, the installed packages and the database kind, so it is kept under a key made of exactly those, and every
later run (and every pytest-xdist worker) starts from a copy in a second or two:

- SQLite (in memory in tests): a file in the cache folder, written and read with SQLite's backup API;
- PostgreSQL: a template database `los_testcache_<key>` on the same server, which Django makes the test database
  from (`TEST["TEMPLATE"]`: `CREATE DATABASE ... TEMPLATE`; nobody may connect to it, so copying never waits);
- the media files `seed_demo` and the page renders wrote (images and renditions), a folder beside it.

The key hashes every file of the checkout that can change what is built (everything but tests, docs and
benchmarks; the fixtures that seed are included), the Python version, every installed distribution with its
version, and the database kind and server version. Any change to them builds afresh: a stale database is never
used. `LOS_TEST_DB_CACHE=0` turns the cache off; so does `ELASTICSEARCH_URL` (seeding would index into a
cluster the copy cannot bring back). The cache folder is `LOS_TEST_DB_CACHE_DIR` or `~/.cache/los-cms/test-db`;
the newest `KEEP` entries per database kind are kept, older ones removed (their template databases dropped).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEEP = 3
TEMPLATE_PREFIX = "los_testcache_"
# What in the checkout cannot change the seeded database. The tests' own fixtures that seed are the exception.
IGNORED_PREFIXES = ("tests/", "docs/", "bench/", ".ci/", ".github/")
SEEDING_TEST_FILES = ("tests/conftest.py", "tests/seeded_database.py")


def enabled() -> bool:
    return os.environ.get("LOS_TEST_DB_CACHE", "1") != "0" and not os.environ.get("ELASTICSEARCH_URL")


def cache_dir() -> Path:
    configured = os.environ.get("LOS_TEST_DB_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "los-cms" / "test-db"


def _checkout_files() -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
        names = [name for name in listed.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: every file below the root
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file() and ".venv" not in p.parts]
    # Compiled catalogues are not tracked (`make install` builds them), but seeding reads them.
    names += [str(p.relative_to(ROOT)) for p in ROOT.glob("*/locale/*/LC_MESSAGES/*.mo")]
    return sorted(
        name
        for name in set(names)
        if (not name.startswith(IGNORED_PREFIXES) and not name.endswith(".md")) or name in SEEDING_TEST_FILES
    )


def key(vendor: str, server_version: str) -> str:
    """What the seeded database is built from; equal keys build equal databases."""
    digest = hashlib.sha256()
    for name in _checkout_files():
        path = ROOT / name
        if path.is_file() and not path.is_symlink():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(sys.version.encode())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()):
        digest.update(dist.encode() + b"\n")
    digest.update(f"{vendor} {server_version}".encode())
    return f"{vendor}-{digest.hexdigest()[:20]}"


class SeededDatabaseCache:
    """One entry of the cache: `restore` the test database and media folder from it, or `save` them into it."""

    def __init__(self, connection, media_root: str):
        self.connection = connection
        self.media_root = Path(media_root)
        if connection.vendor == "postgresql":
            # The maintenance database: the configured one may not exist (CI names a fresh one per run).
            with self._maintenance() as conn:
                server_version = str(conn.info.server_version)
        else:
            server_version = sqlite3.sqlite_version
        self.key = key(connection.vendor, server_version)
        self.folder = cache_dir()
        self.media = self.folder / f"{self.key}-media"
        self.sqlite_file = self.folder / f"{self.key}.sqlite3"
        self.template = TEMPLATE_PREFIX + self.key.split("-", 1)[1]

    # PostgreSQL ----------------------------------------------------------------------------------------------
    def _maintenance(self):
        import psycopg

        params = self.connection.get_connection_params()
        return psycopg.connect(
            dbname="postgres",
            user=params.get("user") or "postgres",
            password=params.get("password") or None,
            host=params.get("host") or "127.0.0.1",
            port=params.get("port") or 5432,
            autocommit=True,
        )

    def _template_exists(self) -> bool:
        with self._maintenance() as conn:
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.template]).fetchone() is not None

    # Both kinds ----------------------------------------------------------------------------------------------
    def available(self) -> bool:
        if not self.media.is_dir():
            return False
        if self.connection.vendor == "sqlite":
            return self.sqlite_file.is_file()
        return self.connection.vendor == "postgresql" and self._template_exists()

    def restore(self) -> None:
        """Fill the test database and the media folder from the cache. On PostgreSQL Django already created the
        test database as a copy of the template (TEST["TEMPLATE"], tests/conftest.py); SQLite's is in memory and
        gets the cached file's content."""
        from django.contrib.contenttypes.models import ContentType

        if self.connection.vendor == "sqlite":
            self.connection.ensure_connection()
            source = sqlite3.connect(self.sqlite_file)
            try:
                source.backup(self.connection.connection)
            finally:
                source.close()
            # Content types were cached while the empty database was made; the copy has its own ids.
            ContentType.objects.clear_cache()
        shutil.copytree(self.media, self.media_root, dirs_exist_ok=True)
        os.utime(self.media)  # the newest used entries are the ones kept

    def save(self) -> None:
        """Keep the seeded test database and media folder (first writer wins; a concurrent worker's copy is equal)."""
        from django.db import connections

        self.folder.mkdir(parents=True, exist_ok=True)
        scratch = self.folder / f".{self.key}-{uuid.uuid4().hex}"
        shutil.copytree(self.media_root, scratch)
        try:
            scratch.rename(self.media)
        except OSError:  # another worker was first
            shutil.rmtree(scratch, ignore_errors=True)
        if self.connection.vendor == "sqlite":
            scratch_file = scratch.with_suffix(".sqlite3")
            target = sqlite3.connect(scratch_file)
            try:
                self.connection.connection.backup(target)
            finally:
                target.close()
            scratch_file.replace(self.sqlite_file)
        else:
            import psycopg

            name = self.connection.settings_dict["NAME"]
            connections.close_all()
            building = f"{self.template}_{uuid.uuid4().hex[:8]}"
            with self._maintenance() as conn:
                conn.execute(f'CREATE DATABASE "{building}" TEMPLATE "{name}"')
                conn.execute(f'ALTER DATABASE "{building}" WITH ALLOW_CONNECTIONS false')
                try:
                    conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{self.template}"')
                except psycopg.errors.DuplicateDatabase:  # another worker was first
                    conn.execute(f'DROP DATABASE "{building}"')
        self._evict()

    def _evict(self) -> None:
        """Keep the newest KEEP entries of this database kind."""
        vendor = self.connection.vendor
        entries = sorted(self.folder.glob(f"{vendor}-*-media"), key=lambda p: p.stat().st_mtime, reverse=True)
        for media in entries[KEEP:]:
            entry_key = media.name.removesuffix("-media")
            if time.time() - media.stat().st_mtime < 600:  # in use by a run that started moments ago
                continue
            shutil.rmtree(media, ignore_errors=True)
            if vendor == "sqlite":
                (self.folder / f"{entry_key}.sqlite3").unlink(missing_ok=True)
            else:
                with self._maintenance() as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE_PREFIX}{entry_key.split("-", 1)[1]}"')
