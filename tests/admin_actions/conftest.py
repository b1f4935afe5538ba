"""Fixtures of the admin action sweep: a signed-in client per group of editors/roles.py (or a superuser), and the
sweep that collects what failed."""

from __future__ import annotations

import shutil

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from .sweep import Sweep

SUPERUSER = "superuser"


@pytest.fixture
def staff(django_user_model):
    """`staff(group)`: a client signed in as a member of `group` (one account per group and test), or as a
    superuser for SUPERUSER. Server errors are answers, not exceptions, so that a sweep can go on."""
    clients: dict[str, Client] = {}

    def client_for(group: str) -> Client:
        if group not in clients:
            username = f"sweep-{group}".lower().replace(" ", "-")
            if group == SUPERUSER:
                user = django_user_model.objects.create_superuser(username, f"{username}@example.org", "x" * 20)
            else:
                user = django_user_model.objects.create_user(username, f"{username}@example.org", "x" * 20)
                user.groups.add(Group.objects.get(name=group))
            client = Client(raise_request_exception=False)
            client.force_login(user)
            client.user = user
            clients[group] = client
        return clients[group]

    return client_for


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The page cache as in production: what a visitor is shown after an admin action must not be a stored page
    from before it."""
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture(autouse=True)
def own_media_folder(settings, tmp_path):
    """A copy of the seeded media folder for each test: the sweep deletes and replaces the demo's images and
    documents, and the database rolls back after a test but the files would not (later tests, and the e2e server
    that serves the same folder, then missed the demo's photos)."""
    copy = tmp_path / "media"
    shutil.copytree(settings.MEDIA_ROOT, copy)
    settings.MEDIA_ROOT = str(copy)


@pytest.fixture
def sweep():
    sweep = Sweep()
    yield sweep
    sweep.close()
