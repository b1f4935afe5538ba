"""The one scheduler of periodic jobs (security/periodic.py): every housekeeping job is registered, runs once per
interval however often the worker ticks, a failing job does not stop the others, and one chain of ticks survives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from security import periodic

NOON = datetime(2027, 3, 1, 12, 0, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_every_housekeeping_job_is_scheduled_by_the_app():
    assert {name: job.every for name, job in periodic.JOBS.items()} == {
        "purge_login_records": timedelta(days=1),
        "prune_db_task_results": timedelta(days=1),
        "publish_scheduled": timedelta(minutes=5),
        "newsletter_periodic": timedelta(minutes=5),
        "purge_submissions": timedelta(days=1),
        "meldpunt_retention": timedelta(days=1),
    }


def test_a_job_runs_once_per_interval_and_a_failure_stops_nothing(monkeypatch):
    ran = []

    def fake_command(name, *args):
        ran.append(name)
        if name == "publish_scheduled":
            raise RuntimeError("database gone away")

    monkeypatch.setattr(periodic, "call_command", fake_command)
    first = periodic.run_due(NOON)
    assert set(ran) == set(periodic.JOBS) and "publish_scheduled" not in first  # it failed, the rest ran

    ran.clear()
    assert periodic.run_due(NOON + timedelta(minutes=1)) == []  # the same intervals: nothing again
    periodic.run_due(NOON + timedelta(minutes=5))
    assert sorted(ran) == ["newsletter_periodic", "publish_scheduled"]  # five minutes on; the daily ones wait
    ran.clear()
    periodic.run_due(NOON + timedelta(days=1))
    assert set(ran) == set(periodic.JOBS)


def test_inline_tasks_have_no_schedule_to_start():
    assert periodic.start() is False  # development and tests run tasks inline: the worker is not there


@pytest.mark.django_db
def test_the_worker_queues_one_chain_of_ticks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert periodic.start() is True
    assert periodic.schedule_next() is False  # a second worker (or chain) does not add another tick
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "security.periodic.tick" and queued.run_after is not None
