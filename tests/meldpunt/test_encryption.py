"""The contact field's key: from the environment, production refuses none or the development key; rotation."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from meldpunt import encryption
from meldpunt.models import Report
from tests.settings_probe import load_settings

PRODUCTION_ENV = {
    "SECRET_KEY": "s" * 64,
    "ALLOWED_HOSTS": "stichtinglos.nl",
    "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
    "EMAIL_URL": "smtp+tls://mail.internal:587",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local or http address
}


def test_production_refuses_to_start_without_its_own_key():
    from cms.settings.meldpunt import MELDPUNT_DEV_KEY

    with pytest.raises(ImproperlyConfigured, match="MELDPUNT_ENCRYPTION_KEY"):
        load_settings("cms.settings.production", **PRODUCTION_ENV)
    with pytest.raises(ImproperlyConfigured, match="MELDPUNT_ENCRYPTION_KEY"):
        load_settings("cms.settings.production", **PRODUCTION_ENV, MELDPUNT_ENCRYPTION_KEY=MELDPUNT_DEV_KEY)
    new, old = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    found = load_settings("cms.settings.production", **PRODUCTION_ENV, MELDPUNT_ENCRYPTION_KEY=f"{new},{old}")
    assert [new, old] == found.MELDPUNT_ENCRYPTION_KEYS


@pytest.mark.django_db
def test_a_key_is_rotated_without_losing_a_contact(settings, make_report):
    # The key in use (the demo register's contacts are encrypted with it too) is rotated to a new one.
    old, new = settings.MELDPUNT_ENCRYPTION_KEYS[0], Fernet.generate_key().decode()
    report = make_report(contact="06-55556666")
    settings.MELDPUNT_ENCRYPTION_KEYS = [new, old]  # step 1: the new key in front
    call_command("meldpunt_rotate_key", verbosity=0)
    settings.MELDPUNT_ENCRYPTION_KEYS = [new]  # step 2: the old key dropped
    assert Report.objects.get(pk=report.pk).contact == "06-55556666"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT contact FROM {Report._meta.db_table} WHERE id = %s", [report.pk])  # noqa: S608
        assert Fernet(new.encode()).decrypt(cursor.fetchone()[0].encode()) == b"06-55556666"


@pytest.mark.django_db
def test_a_wrong_key_fails_loudly_instead_of_showing_the_ciphertext(settings, make_report):
    report = make_report(contact="06-77778888")
    settings.MELDPUNT_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ImproperlyConfigured):
        Report.objects.get(pk=report.pk)
    assert encryption.decrypt(encryption.encrypt("x")) == "x"
