"""Scratch databases for processes that need a database of their own next to the configured one: the
end-to-end test site, the target of a backup restore test, a benchmark run.

On PostgreSQL the scratch database lives on the same server as the configured one, named after it with a
suffix, and is dropped afterwards (also while a crashed server still holds connections), so runs leave nothing
behind. Anything else gets a SQLite file. Development and test tooling only: nothing in the site imports this.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

POSTGRES_SCHEMES = ("postgres://", "postgresql://")


def _maintenance_url(url: str) -> str:
    return urlparse(url)._replace(path="/postgres").geturl()


def create_scratch_database(configured_url: str, suffix: str, sqlite_file: Path) -> str:
    """The URL of a new, empty database: `<configured name>_<suffix>` when `configured_url` is PostgreSQL
    (an older one of that name is dropped first), else the SQLite file `sqlite_file`."""
    if not configured_url.startswith(POSTGRES_SCHEMES):
        return f"sqlite:///{sqlite_file}"
    import psycopg

    parsed = urlparse(configured_url)
    name = f"{parsed.path.lstrip('/') or 'los'}_{suffix}"
    with psycopg.connect(_maintenance_url(configured_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return parsed._replace(path=f"/{name}").geturl()


def drop_scratch_database(url: str) -> None:
    """Drop a database made by `create_scratch_database` (SQLite files go with their temporary folder)."""
    if not url.startswith(POSTGRES_SCHEMES):
        return
    import psycopg

    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
