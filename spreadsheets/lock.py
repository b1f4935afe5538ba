"""One writer at a time: imports and undos of one sheet hold a lock for the whole of their transaction.

Without it two confirmations of the same file (a double click, two volunteers) both found no event for a
Kenmerk and both created one, and an undo could delete an event another import was updating. The lock is a
PostgreSQL advisory lock scoped to the transaction (released by commit or rollback, also when a worker dies);
an import waits for it a while, an undo does not wait (it is refused: "an import is running"). SQLite, used
in development, writes one transaction at a time anyway. Nothing here knows which sheet is imported.
"""

from __future__ import annotations

import zlib

from django.db import OperationalError, connection, transaction

# How long an import waits for another import or undo to finish before it gives up (seconds).
WAIT_SECONDS = 120


class Busy(Exception):
    """Another import or undo of the same sheet is running."""


def _key(name: str) -> int:
    return zlib.crc32(name.encode())


def hold(name: str, *, wait: bool) -> None:
    """Take the lock `name` until the current transaction ends; raise Busy when it is held elsewhere (at once,
    or after WAIT_SECONDS when `wait`). Must run inside `transaction.atomic`."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("hold() needs a transaction: the lock lasts as long as it")
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if not wait:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_key(name)])
            if not cursor.fetchone()[0]:
                raise Busy(name)
            return
        cursor.execute("SELECT current_setting('lock_timeout')")
        previous = cursor.fetchone()[0]
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [f"{WAIT_SECONDS}s"])
        try:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_key(name)])
        except OperationalError as error:  # lock_timeout: the transaction is aborted, the caller's atomic rolls back
            raise Busy(name) from error
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
