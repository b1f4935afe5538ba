"""One scheduler for every periodic job (issue 16): the app schedules its own housekeeping with the background
worker, so retention and scheduled publishing never depend on a cron line someone must remember.

Each app registers its jobs in its `AppConfig.ready` as management commands with an interval (`register`); they
stay commands so that a colleague can also run one by hand (most take `--dry-run`). `manage.py worker` starts the
schedule and then the database worker: a first `tick` at once (a restarted worker catches up without waiting), then
one every minute; each tick queues the next first (so a failing job never stops the schedule) and runs the jobs whose
interval has come round. The shared cache (Redis in production) decides who runs what: a job runs once per interval
and one chain of ticks survives, however many workers run. Every job is idempotent, so a lost cache entry costs at
most one extra run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend, task

logger = logging.getLogger("los.periodic")
TICK = timedelta(minutes=1)


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta
    args: tuple[str, ...] = field(default=())


JOBS: dict[str, Job] = {}


def register(command: str, every: timedelta, *args: str) -> None:
    """Run `manage.py <command> <args>` every `every` (from the app's ready(); registering twice is harmless)."""
    JOBS[command] = Job(command, every, args)


def _slot(now: datetime, every: timedelta) -> int:
    return int(now.timestamp() // every.total_seconds())


def run_due(now: datetime | None = None) -> list[str]:
    """Run each job whose interval has come round and that nobody ran in this interval yet; the names that ran."""
    now = now or timezone.now()
    ran = []
    for job in JOBS.values():
        key = f"los:periodic:{job.command}:{_slot(now, job.every)}"
        if not cache.add(key, 1, timeout=int(job.every.total_seconds()) * 2):
            continue
        try:
            call_command(job.command, *job.args)
            ran.append(job.command)
        except Exception:  # one failing job must not stop the others; the log says which (no personal data)
            logger.exception("periodic job %s failed", job.command)
    return ran


def schedule_next(now: datetime | None = None) -> bool:
    """Queue the next tick at the start of the next minute, unless another chain of ticks already did."""
    now = now or timezone.now()
    next_at = now.replace(second=0, microsecond=0) + TICK
    if not cache.add(f"los:periodic:tick:{int(next_at.timestamp())}", 1, timeout=int(TICK.total_seconds()) * 5):
        return False
    tick.using(run_after=next_at).enqueue()
    return True


@task()
def tick() -> list[str]:
    schedule_next()
    return run_due()


def start() -> bool:
    """Start the schedule (manage.py worker): a tick now, which queues the next. False where tasks run inline
    (development, tests): nothing to queue. Several workers starting together each queue one; the jobs still run
    once per interval and one chain of ticks survives (the cache decides)."""
    if not default_task_backend.supports_defer:
        return False
    tick.enqueue()
    return True
