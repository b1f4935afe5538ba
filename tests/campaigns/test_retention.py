"""Retention: purge_submissions deletes or anonymises what is older than each form's period."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import SignupFormPage, SignupSubmission

pytestmark = pytest.mark.django_db


def make(page, days_old: int, **extra) -> SignupSubmission:
    submission = SignupSubmission.objects.create(
        page=page, form_data={"naam": f"Persoon {days_old}", "privacy_consent": True}, **extra
    )
    SignupSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=days_old)
    )
    return submission


def test_expired_submissions_are_deleted_and_fresh_ones_kept(petition, caplog):
    petition.retention_days = 30
    petition.on_expiry = SignupFormPage.Expiry.DELETE
    petition.save()
    old, fresh = make(petition, 31), make(petition, 29)
    with caplog.at_level(logging.INFO, logger="los.campaigns"):
        call_command("purge_submissions", verbosity=0)
    assert not SignupSubmission.objects.filter(pk=old.pk).exists()
    assert SignupSubmission.objects.filter(pk=fresh.pk).exists()
    # Counts only in the log, never what was submitted.
    assert "1 deleted" in caplog.text
    assert "Persoon" not in caplog.text


def test_anonymise_wipes_data_keeps_the_row_and_approved_organisation_names(sign_on):
    sign_on.retention_days = 10
    sign_on.on_expiry = SignupFormPage.Expiry.ANONYMISE
    sign_on.save()
    approved = make(sign_on, 11, organisation="Publieke Stichting", approved=True)
    pending = make(sign_on, 11, organisation="Nog niet goedgekeurd")
    call_command("purge_submissions", verbosity=0)
    approved.refresh_from_db()
    pending.refresh_from_db()
    assert approved.form_data == {} and approved.anonymised and approved.organisation == "Publieke Stichting"
    assert pending.form_data == {} and pending.anonymised and pending.organisation == ""


def test_purge_is_idempotent(petition, capsys):
    petition.retention_days = 5
    petition.on_expiry = SignupFormPage.Expiry.ANONYMISE
    petition.save()
    make(petition, 6)
    call_command("purge_submissions")
    assert "0 verwijderd, 1 geanonimiseerd" in capsys.readouterr().out
    call_command("purge_submissions")
    assert "0 verwijderd, 0 geanonimiseerd" in capsys.readouterr().out
    assert SignupSubmission.objects.filter(page=petition).count() == 1


def test_dry_run_changes_nothing(petition, capsys):
    petition.retention_days = 5
    petition.on_expiry = SignupFormPage.Expiry.DELETE
    petition.save()
    old = make(petition, 6)
    call_command("purge_submissions", "--dry-run")
    assert "1 te verwijderen" in capsys.readouterr().out
    assert SignupSubmission.objects.filter(pk=old.pk).exists()
