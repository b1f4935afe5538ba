"""Running work as two people at once would, for the PostgreSQL tests of imports and undos: each job in a thread
with its own database connection (what a thread commits is really committed: a test using these removes what
its threads wrote)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from spreadsheets import lock


def in_threads(*jobs):
    """Run each job in a thread of its own, all released at once; returns their results (or exceptions)."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except Exception as error:  # noqa: BLE001 - handed to the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@contextmanager
def lock_held_elsewhere(name: str) -> Iterator[None]:
    """While the block runs, another connection holds the import lock `name`, as a running import does."""
    holding, release = threading.Event(), threading.Event()

    def import_running():
        with transaction.atomic():
            lock.hold(name, wait=True)
            holding.set()
            release.wait(timeout=60)

    thread = threading.Thread(target=lambda: (import_running(), connection.close()))
    thread.start()
    try:
        holding.wait(timeout=60)
        yield
    finally:
        release.set()
        thread.join()
