"""End-to-end tests: a real server process on 127.0.0.1 with its own database, driven by Debian's Chromium.

The server gets a database of its own (a SQLite file, or a throwaway PostgreSQL database when DATABASE_URL
points at PostgreSQL): a copy of the test database, which seed_demo filled once for the run exactly as
`make run` does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cms.local_services import copy_test_database, drop_scratch_database, free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ADMIN_USER, ADMIN_PASSWORD = "e2e-admin", "e2e-wachtwoord-lang-genoeg"

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from such a thread
# unless told otherwise. Only the end-to-end tests need it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    # The server serves a copy of the seeded test database, so pytest-django must create it even when only
    # end-to-end tests run (it creates it for tests that use the database). The marker's transaction in this
    # process is harmless: the browser talks to the server's own copy.
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (CI does).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    }


@pytest.fixture(scope="session")
def e2e_mail_dir(tmp_path_factory) -> Path:
    """Where the e2e server writes the mails it sends (Django's file backend), one file per connection."""
    return tmp_path_factory.mktemp("e2e-mail")


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker, e2e_mail_dir):
    """Base URL of a running LOS site, serving a copy of the test database that seed_demo filled once for the
    whole run (no second migrate and seed), plus the e2e superuser. The copy is the server's own: what the
    browser changes never reaches the rolled-back tests, and the other way round."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    tmp = Path(tempfile.mkdtemp(prefix="los-e2e-"))
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(ADMIN_USER, "e2e@example.org", ADMIN_PASSWORD)
        try:
            database_url = copy_test_database(tmp / "e2e.sqlite3")
        finally:
            user.delete()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        # The copy refers to the files seed_demo wrote: the server must see the same media folder.
        "LOS_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "LOS_TEST_EMAIL_DIR": str(e2e_mail_dir),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    port = free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    if not wait_until_serving(base_url, server):
        server.kill()
        raise RuntimeError((tmp / "server.log").read_text())
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    drop_scratch_database(database_url)
