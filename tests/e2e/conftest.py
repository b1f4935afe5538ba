"""End-to-end tests: a real server process on 127.0.0.1 with its own database, driven by Debian's Chromium.

The server gets a database of its own (a SQLite file, or a throwaway PostgreSQL database when DATABASE_URL
points at PostgreSQL), migrated and filled by seed_demo exactly as `make run` does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from cms.local_services import create_scratch_database, drop_scratch_database, free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ADMIN_USER, ADMIN_PASSWORD = "e2e-admin", "e2e-wachtwoord-lang-genoeg"

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from such a thread
# unless told otherwise. Only the end-to-end tests need it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


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
def live_site():
    """Base URL of a running, seeded LOS site."""
    tmp = Path(tempfile.mkdtemp(prefix="los-e2e-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": create_scratch_database(os.environ.get("DATABASE_URL", ""), "e2e", tmp / "e2e.sqlite3"),
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
        # seed_demo and the server are separate processes: they must see the same uploaded files.
        "LOS_TEST_MEDIA_ROOT": str(tmp / "media"),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["seed_demo", "-v0"],
        ["createsuperuser", "--no-input", "--username", ADMIN_USER, "--email", "e2e@example.org"],
    ):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True)
    port = free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"],
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
    drop_scratch_database(env["DATABASE_URL"])
