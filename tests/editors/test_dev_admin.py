"""`make run`'s local admin account (editors/management/commands/ensure_dev_admin.py)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_prints_the_address_make_run_serves(settings, django_user_model):
    settings.DEBUG = True
    out = StringIO()
    call_command("ensure_dev_admin", "--address", "http://127.0.0.1:8011", stdout=out)
    assert "http://127.0.0.1:8011/admin/" in out.getvalue()
    assert ":8000" not in out.getvalue()
    assert django_user_model.objects.filter(username="admin", is_superuser=True).exists()


def test_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin")
