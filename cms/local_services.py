"""Local services for tools that run the site in processes of their own (the end-to-end test site, the backup
restore test, the benchmarks, the load test): scratch databases, a free port, waiting for a server to answer.

On PostgreSQL a scratch database lives on the same server as the configured one, named after it with a suffix,
and is dropped afterwards (also while a crashed server still holds connections), so runs leave nothing behind.
Anything else gets a SQLite file. Development and test tooling only: nothing in the site imports this.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
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
    parsed = urlparse(configured_url)
    url = parsed._replace(path=f"/{parsed.path.lstrip('/') or 'los'}_{suffix}").geturl()
    recreate_database(url)
    return url


def recreate_database(url: str) -> None:
    """Make the PostgreSQL database of `url` empty: dropped if it exists, then created."""
    import psycopg

    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_scratch_database(url: str) -> None:
    """Drop a database made by `create_scratch_database` (SQLite files go with their temporary folder)."""
    if not url.startswith(POSTGRES_SCHEMES):
        return
    import psycopg

    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy_test_database(sqlite_file: Path, suffix: str = "copy") -> str:
    """The URL of a copy of the current test database (Django's `default` connection, committed state): a
    PostgreSQL database `<test name>_<suffix>` (one suffix per user, so two copies can live side by side) made
    with `CREATE DATABASE ... TEMPLATE`, or for SQLite (in memory in tests) the file `sqlite_file` written with
    SQLite's backup API. Seconds instead of migrating and seeding a second database."""
    from django.db import connection, connections

    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        target = sqlite3.connect(sqlite_file)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return f"sqlite:///{sqlite_file}"
    import psycopg

    source = connection.settings_dict["NAME"]
    name = f"{source}_{suffix}"
    url = _database_url(name)
    # PostgreSQL copies a template only while nobody is connected to it: close ours (Django reconnects lazily).
    connections.close_all()
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        # A connection a finished test left behind in a thread of its own is idle but still counts: end it.
        _terminate_sessions(conn, source)
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return url


def _terminate_sessions(conn, database: str) -> None:
    conn.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        [database],
    )


def end_other_sessions(database: str) -> None:
    """Close this process's connections and end every other session on the PostgreSQL database `database`
    (on the server of Django's `default` connection), so that it can be dropped or copied at once."""
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(_maintenance_url(_database_url(database)), autocommit=True) as conn:
        _terminate_sessions(conn, database)


def _database_url(name: str) -> str:
    """The URL of database `name` on the server of Django's `default` connection (PostgreSQL)."""
    from django.db import connection

    params = connection.get_connection_params()
    user = params.get("user") or "postgres"
    password = params.get("password") or ""
    auth = f"{user}:{password}@" if password else f"{user}@"
    return f"postgres://{auth}{params.get('host') or '127.0.0.1'}:{params.get('port') or 5432}/{name}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(base_url: str, server: subprocess.Popen, *, seconds: float = 300) -> bool:
    """Wait until `server` answers `base_url` + "/" (with any status); False when it exits first or `seconds`
    pass. Generous, because on a machine busy with other test suites starting Django alone can take minutes."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base_url + "/", timeout=2)  # noqa: S310 - our own local server
            return True
        except urllib.error.HTTPError:
            return True  # it answered (a 400 for an unknown host, say): it is serving
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                return False
            time.sleep(0.3)
