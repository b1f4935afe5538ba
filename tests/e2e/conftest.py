"""End-to-end tests: a real server process on 127.0.0.1 with its own database, driven by Debian's Chromium.

The server gets a database of its own (a SQLite file, or a throwaway PostgreSQL database when DATABASE_URL
points at PostgreSQL): a copy of the test database, which seed_demo filled once for the run exactly as
`make run` does.

Staff log in as in production: the server enforces two-factor authentication and login throttling
(`LOS_TEST_PRODUCTION_LOGIN=1`). To test a staff flow:

- `staff_page("Vrijwilligers")` (fixture) gives a Dutch browser page signed in, password and second factor, as a
  member of that group (one account per group in `editors.roles.ROLES`, made before the server's database is
  copied: `staff_username(group)`, password `STAFF_PASSWORD`). Test as the least-privileged group that should
  manage the thing.
- `log_in(page, live_site, username, password)` (from `tests.e2e.staff_login`) signs in any account, e.g. one a
  test created in the admin's user form; the first login enrols an authenticator as a new colleague would.
- `ADMIN_USER` / `ADMIN_PASSWORD`: a superuser, for set-up steps only (`admin_page`, fixture).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import playwright
import pytest
from playwright.sync_api import expect

from cms.local_services import copy_test_database, drop_scratch_database, free_port, wait_until_serving

from .staff_login import ADMIN_PASSWORD, ADMIN_USER, account_context, log_in

ROOT = Path(__file__).resolve().parents[2]
OUR_DISABLED_FEATURES = (
    *("Translate", "site-per-process", "IsolateOrigins"),
    *("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"),
)
CHROMIUM = "/usr/bin/chromium"
STAFF_PASSWORD = "e2e-medewerker-wachtwoord-2027"
E2E_GROUP = "e2e"  # pytest-xdist's group of every end-to-end test: one worker, one server, one browser


def playwright_disabled_features() -> list[str]:
    """The features Playwright itself disables (HTTPS upgrades, paint holding, ...). Chromium keeps only the last
    `--disable-features` on its command line, and Playwright puts its own before ours: ours must repeat its list,
    or passing any feature silently turns all of Playwright's back on (seen: FedCM and Topics came back)."""
    bundle = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"
    found = re.search(r"\bdisabledFeatures = \[(.*?)\]", bundle.read_text(encoding="utf-8"), re.DOTALL)
    features = re.findall(r'^\s*"(\w+)",?\s*$', found.group(1), re.MULTILINE) if found else []
    if "PaintHolding" not in features:
        pytest.fail(f"Playwright's list of disabled Chromium features was not found in {bundle}: update this reader.")
    return features


def staff_username(group: str) -> str:
    """The e2e account that is a member of `group` only."""
    return "e2e-" + group.lower().replace(" ", "-")


# How long an `expect(...)` waits for the page to get there. Playwright's five seconds suit a machine with cores
# to spare; in `make test` the browser, the server and the other worker's tests share two cores, and a step that
# takes a second alone took over five there (seen in CI: the newsletter preview). Waiting longer costs a passing
# test nothing; it only delays the report of a real failure.
expect.set_options(timeout=15_000)

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from such a thread
# unless told otherwise. Only the end-to-end tests need it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook, which reads the xdist_group markers
def pytest_collection_modifyitems(config, items):
    # The server serves a copy of the seeded test database, so pytest-django must create it even when only
    # end-to-end tests run (it creates it for tests that use the database). The marker's transaction in this
    # process is harmless: the browser talks to the server's own copy.
    # Under pytest-xdist (`--dist loadgroup`, `make test`) every e2e test is in one group, so one worker runs them
    # all, in file order, with one server (its own database copy) and one browser, while the other worker runs the
    # rest of the suite. Spread over both workers (as when the grouping was lost, see pyproject.toml), each started
    # its own server and browser and both competed for the two cores with the tests without a browser: the SQLite
    # run took 264 s instead of 247.
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.django_db)
            item.add_marker(pytest.mark.xdist_group(E2E_GROUP))


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
            # Composite in the renderer's software path, not through the GPU process (measured: the moderation
            # and Dutch-admin files 71 -> 61 CPU-s, an editor page in a new context 47 -> 43).
            "--disable-gpu-compositing",
            "--disable-background-networking",
            "--disable-component-update",
            # Less work per page on two shared cores: no extensions, sync, translate prompts or media routing,
            # no animations (Wagtail's admin respects reduced motion), one site so no process per origin.
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--mute-audio",
            "--disable-smooth-scrolling",
            "--force-prefers-reduced-motion",
            # WebUIOmnibox*: headless Chromium 156 still draws the address bar's popup as a web page in a renderer
            # of its own for every window (a context is one), about 10 % of Chromium's CPU, and nobody sees it.
            "--disable-features=" + ",".join([*playwright_disabled_features(), *OUR_DISABLED_FEATURES]),
            "--disable-site-isolation-trials",
            # One renderer process for every context (page) of the run instead of one each: each new renderer
            # starts V8 and Blink afresh. Measured on the moderation, Dutch-admin and phone files, three runs each
            # alternating: 82.7 -> 76.2 CPU-s. (`--single-process` fails: Playwright's contexts need the browser
            # process apart.)
            "--renderer-process-limit=1",
        ],
    }


@pytest.fixture(scope="session")
def e2e_mail_dir(tmp_path_factory) -> Path:
    """Where the e2e server writes the mails it sends (Django's file backend), one file per connection."""
    return tmp_path_factory.mktemp("e2e-mail")


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker, e2e_mail_dir, tmp_path_factory):
    """Base URL of a running LOS site, serving a copy of the test database that seed_demo filled once for the
    whole run (no second migrate and seed), plus the e2e superuser. The copy is the server's own: what the
    browser changes never reaches the rolled-back tests, and the other way round."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    # The server's log and, on SQLite, its database copy (3.5 MB) live in pytest's own temporary folder, which
    # keeps the last three runs for reading the log after a failure and removes older ones (a folder of
    # tempfile's was never removed: every run left one behind in /tmp).
    tmp = tmp_path_factory.mktemp("e2e-server")
    from django.contrib.auth.models import Group

    from editors.roles import ROLES

    users = get_user_model().objects
    with django_db_blocker.unblock():
        made = [users.create_superuser(ADMIN_USER, "e2e@example.org", ADMIN_PASSWORD)]
        for role in ROLES:
            name = staff_username(role.name)
            made.append(users.create_user(name, f"{name}@example.org", STAFF_PASSWORD, first_name=role.name))
            made[-1].groups.add(Group.objects.get(name=role.name))
        try:
            database_url = copy_test_database(tmp / "e2e.sqlite3")
        finally:
            for user in made:
                user.delete()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        # The copy refers to the files seed_demo wrote: the server must see the same media folder.
        "LOS_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "LOS_TEST_EMAIL_DIR": str(e2e_mail_dir),
        # Production's login: two-factor authentication and login throttling on.
        "LOS_TEST_PRODUCTION_LOGIN": "1",
        # Static files listed once and cached by the browser (cms/settings/test.py).
        "LOS_TEST_E2E_SERVER": "1",
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


@pytest.fixture
def staff_page(browser, live_site):
    """A factory: `staff_page("Redactie")` is a new page in a Dutch browser, signed in (2FA included) as the e2e
    member of that group, on the dashboard; closed at the end of the test. `staff_page(group, "/admin/forms/")`
    opens that admin page instead (no dashboard loaded first). The account's browser context is kept for the
    worker's run (`account_context`, tests/e2e/staff_login.py). `staff_page(group, viewport=PHONE)` sizes the page;
    other keyword arguments are context options (a context of their own, kept as well)."""
    pages = []

    def open_as(group: str, path: str = "/admin/", viewport: dict | None = None, **context_options):
        username = staff_username(group)
        page = account_context(browser, username, **context_options).new_page()
        pages.append(page)
        if viewport:
            page.set_viewport_size(viewport)
        log_in(page, live_site, username, STAFF_PASSWORD, next_path=path)
        if page.url != live_site + path:  # a first login's 2FA set-up ends on the dashboard
            page.goto(live_site + path)
        return page

    yield open_as
    for page in pages:
        page.close()


@pytest.fixture
def admin_page(browser, live_site):
    """A new page signed in as the e2e superuser (for set-up steps), on the dashboard, in the superuser's kept
    context; closed at the end of the test."""
    page = account_context(browser, ADMIN_USER).new_page()
    log_in(page, live_site, ADMIN_USER, ADMIN_PASSWORD)
    yield page
    page.close()
