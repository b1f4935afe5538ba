"""The one scheduler of periodic jobs (security/periodic.py): every housekeeping job is registered, runs once per
interval however often the worker ticks, a failing job does not stop the others, and one chain of ticks survives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import environ
import pytest
from django.core.cache import cache
from django.db.utils import ConnectionHandler
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.local_services import copy_test_database, drop_scratch_database
from security import periodic

ROOT = Path(__file__).resolve().parents[2]

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
        "meldpunt_clean_imports": timedelta(minutes=15),
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
def test_the_worker_queues_a_tick_now_and_one_chain_after_it(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert periodic.start() is True
    now = DBTaskResult.objects.get()
    assert now.task_path == "security.periodic.tick"
    assert now.task.run_after is None and DBTaskResult.objects.ready().get() == now  # a restart catches up
    assert periodic.schedule_next() is True  # what that first tick does: queue the next minute's
    assert periodic.schedule_next() is False  # a second worker (or chain) does not add another tick
    later = DBTaskResult.objects.exclude(pk=now.pk).get()
    assert later.task.run_after is not None and not DBTaskResult.objects.ready().filter(pk=later.pk).exists()


@contextmanager
def cursor_on(url: str):
    """A cursor on the database of `url` (the worker's copy), apart from the test's own connection."""
    handler = ConnectionHandler({"default": environ.Env.db_url_config(url)})
    try:
        with handler["default"].cursor() as cursor:
            yield cursor
    finally:
        handler.close_all()


def test_a_running_worker_ticks_and_the_retention_job_runs(django_db_setup, django_db_blocker, tmp_path):
    """`manage.py worker` as production runs it, in a process of its own on a copy of the test database (the
    database task backend; SQLite in memory is copied to a file, PostgreSQL with CREATE DATABASE ... TEMPLATE):
    its first tick runs at once, runs the registered jobs (here: a sign-up past its form's retention period is
    anonymised) and queues the next tick. `--batch` makes it stop when nothing more is due."""
    from campaigns.models import SignupFormPage, SignupSubmission

    with django_db_blocker.unblock():
        form = SignupFormPage.objects.get(slug="petitie")
        expired = SignupSubmission.objects.create(page=form, form_data={"naam": "Oud"}).pk
        recent = SignupSubmission.objects.create(page=form, form_data={"naam": "Nieuw"}).pk
        SignupSubmission.objects.filter(pk=expired).update(
            submit_time=timezone.now() - timedelta(days=form.retention_days + 1)
        )
        try:
            url = copy_test_database(tmp_path / "worker.sqlite3", suffix="worker")
        finally:  # committed outside any test transaction: the shared test database gets its state back
            SignupSubmission.objects.filter(pk__in=[expired, recent]).delete()
    try:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": url}
        env["TASKS_BACKEND"] = "database"
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        worker = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "worker", "--batch"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,  # a deadline, not a wait: it returns as soon as the worker is done
        )
        assert worker.returncode == 0, worker.stderr[-2000:]
        with django_db_blocker.unblock(), cursor_on(url) as cursor:
            cursor.execute(
                "SELECT id, anonymised, form_data FROM campaigns_signupsubmission WHERE id IN (%s, %s)",
                [expired, recent],
            )
            rows = {
                pk: (bool(anonymised), json.loads(data) if isinstance(data, str) else data)
                for pk, anonymised, data in cursor.fetchall()
            }
            assert rows == {expired: (True, {}), recent: (False, {"naam": "Nieuw"})}  # the form anonymises
            cursor.execute(
                "SELECT status, run_after, return_value FROM django_tasks_database_dbtaskresult "
                "WHERE task_path = %s ORDER BY enqueued_at",
                ["security.periodic.tick"],
            )
            (first_status, _now, ran), (next_status, next_after, _none) = cursor.fetchall()
        assert first_status == "SUCCESSFUL"
        ran = json.loads(ran) if isinstance(ran, str) else ran
        assert "purge_submissions" in ran and "publish_scheduled" in ran  # every job's first interval
        # The chain goes on, a minute later (django-tasks-db writes "no time" as the year 9999).
        assert next_status == "READY" and not str(next_after).startswith("9999")
    finally:
        drop_scratch_database(url)
