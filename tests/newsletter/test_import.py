"""Importing the old subscriber list (newsletter/importing.py, import_undo.py, import_views.py): which rows become
confirmed subscriptions, which are skipped and which block the import; no mail to anyone; undo; only the
Eindredactie may import; the kept copy does not outlive the import. Hostile sheets: test_import_hostile.py."""

from __future__ import annotations

import datetime
import io
import logging
import os
import re
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from editors.roles import EINDREDACTIE, ROLES
from newsletter.import_undo import undo_blocker, undo_import
from newsletter.importing import KeptList, run_import
from newsletter.models import Subscriber, SubscriberImport
from newsletter.retention import run_housekeeping
from newsletter.subscriptions import change_lists
from newsletter.tokens import MANAGE, make_token
from spreadsheets.uploads import KeptUpload, open_token

pytestmark = pytest.mark.django_db
HEADERS = ["Naam", "E-mailadres", "Lijsten", "Taal", "Toestemming", "Datum toestemming"]
ROWS = [
    ["Anna", "anna@example.org", "LOS nieuws", "nl", "ja", "12-03-2019"],  # row 2: imported
    ["Bas", "geen-adres@", "LOS nieuws", "", "ja", ""],  # 3: invalid address
    ["Anna weer", "ANNA@example.org", "iLegalevrouw", "", "ja", ""],  # 4: repeats row 2
    ["Cor", "cor@example.org", "LOS nieuws", "", "nee", ""],  # 5: no consent
    ["Dina", "dina@example.org", "los-nieuws, ilegalevrouw", "Engels", "01-02-2020", ""],  # 6: imported, date
    ["Eef", "eef@example.org", "LOS nieuws", "", "", ""],  # 7: no consent (empty)
    ["Fee", "bestaand@example.org", "LOS nieuws", "", "ja", ""],  # 8: already subscribed
]
ADDRESSES = ("anna@example.org", "geen-adres@", "cor@example.org", "dina@example.org", "eef@example.org")


def csv_sheet(rows, headers=HEADERS) -> bytes:
    return "\n".join(";".join(row) for row in [headers, *rows]).encode("utf-8")


@pytest.fixture
def editor(make_user):
    return make_user(EINDREDACTIE, "eindredacteur")


@pytest.fixture
def existing(make_subscriber):
    return make_subscriber("Bestaand@example.org")


def test_the_preview_reports_every_row_and_writes_nothing(editor, existing):
    before = Subscriber.objects.count()
    report = run_import(csv_sheet(ROWS), "oud.csv", user=editor, dry_run=True)
    assert report.ok and report.batch is None and Subscriber.objects.count() == before
    outcome = {row.number: row.skipped or " ".join(row.problems) or "in" for row in report.rows}
    assert outcome == {
        2: "in",
        3: "overgeslagen: ongeldig e-mailadres",
        4: "overgeslagen: dit adres staat ook in rij 2",
        5: "overgeslagen: geen toestemming",
        6: "in",
        7: "overgeslagen: geen toestemming",
        8: "overgeslagen: dit adres is al aangemeld",
    }
    assert report.ignored_columns == ["Naam"] and report.skipped_count == 5


def test_imported_addresses_are_confirmed_without_a_mail_and_can_unsubscribe(
    client, editor, existing, los_list, women_list
):
    report = run_import(csv_sheet(ROWS), "oud.csv", user=editor, dry_run=False)
    batch = report.batch
    assert batch is not None and (batch.imported_count, batch.skipped_count) == (2, 5)
    assert mail.outbox == []
    anna = Subscriber.objects.get(email="anna@example.org")
    dina = Subscriber.objects.get(email="dina@example.org")
    for subscriber in (anna, dina):
        assert subscriber.is_confirmed and subscriber.source == Subscriber.Source.IMPORT
        assert subscriber.import_batch == batch
    assert list(anna.lists.all()) == [los_list] and anna.language == "nl"
    assert timezone.localtime(anna.consent_at).date() == datetime.date(2019, 3, 12)
    assert set(dina.lists.all()) == {los_list, women_list} and dina.language == "en"
    assert timezone.localtime(dina.consent_at).date() == datetime.date(2020, 2, 1)
    assert not Subscriber.objects.filter(email__in=["cor@example.org", "eef@example.org"]).exists()
    assert Subscriber.objects.with_address("anna@example.org").count() == 1
    # The one-click unsubscribe works for them as for anyone: the address is deleted.
    response = client.post(reverse("newsletter:unsubscribe", args=[make_token(anna, MANAGE)]))
    assert response.status_code in (200, 302) and not Subscriber.objects.filter(pk=anna.pk).exists()


def test_a_yes_without_a_date_leaves_the_consent_date_empty(editor):
    report = run_import(
        csv_sheet([["", "x@example.org", "LOS nieuws", "", "ja", ""]]), "o.csv", user=editor, dry_run=False
    )
    subscriber = Subscriber.objects.get(import_batch=report.batch)
    assert subscriber.consent_at is None and subscriber.is_confirmed


def test_errors_block_the_whole_import_and_name_the_known_lists(editor):
    rows = [
        ["", "goed@example.org", "LOS nieuws", "", "ja", ""],
        ["", "a@example.org", "Nieuwsbrief 2012", "", "ja", ""],
        ["", "b@example.org", "", "", "ja", ""],
        ["", "c@example.org", "LOS nieuws", "Klingon", "ja", ""],
        ["", "d@example.org", "LOS nieuws", "", "misschien", ""],
        ["", "e@example.org", "LOS nieuws", "", "ja", "31-02-2020"],
        ["", "f@example.org", "LOS nieuws", "", "ja", "01-01-2099"],
        ["", "g@example.org", "Nieuwsbrief 2012", "", "nee", ""],  # skipped: its list is never looked at
    ]
    report = run_import(csv_sheet(rows), "o.csv", user=editor, dry_run=False)
    assert report.batch is None and not report.ok and not Subscriber.objects.exists()
    problems = {row.number: " ".join(row.problems) for row in report.rows}
    assert problems[2] == "" and problems[9] == ""
    assert "Nieuwsbrief 2012" in problems[3] and "LOS nieuws" in problems[3] and "iLegalevrouw" in problems[3]
    assert "minstens één lijst" in problems[4]
    assert "Klingon" in problems[5] and "nl" in problems[5]
    assert "misschien" in problems[6]
    assert "bestaat niet" in problems[7]
    assert "toekomst" in problems[8]


def test_a_sheet_without_a_consent_column_is_refused(editor):
    report = run_import(
        csv_sheet([["a@example.org", "LOS nieuws"]], ["E-mail", "Lijst"]), "o.csv", user=editor, dry_run=True
    )
    assert "Toestemming" in report.file_error and not report.ok


def test_consent_aliases_and_date_cells(editor):
    sheet = csv_sheet([["a@example.org", "LOS nieuws", "3 maart 2018"]], ["Email", "Nieuwsbrief", "Aangemeld op"])
    report = run_import(sheet, "o.csv", user=editor, dry_run=False)
    assert report.batch and timezone.localtime(Subscriber.objects.get().consent_at).date() == datetime.date(2018, 3, 3)


def test_undo_deletes_only_what_nobody_changed_since(editor, women_list):
    report = run_import(csv_sheet(ROWS), "oud.csv", user=editor, dry_run=False)
    chose_again = Subscriber.objects.get(email="dina@example.org")
    change_lists(chose_again, [women_list])  # through the link in a mail, after the import
    assert undo_blocker(report.batch) == ""
    assert undo_import(report.batch, user=editor) == (2, 1)  # anna and bestaand@ go, dina stays
    assert not Subscriber.objects.filter(email="anna@example.org").exists()
    assert Subscriber.objects.filter(pk=chose_again.pk).exists()
    batch = SubscriberImport.objects.get(pk=report.batch.pk)
    assert batch.status == SubscriberImport.Status.UNDONE and (batch.removed_count, batch.kept_count) == (2, 1)
    assert batch.undone_by == editor and undo_blocker(batch)
    with pytest.raises(ValueError):
        undo_import(batch)


def test_addresses_are_never_logged(editor, caplog):
    with caplog.at_level(logging.DEBUG):
        report = run_import(csv_sheet(ROWS), "oud.csv", user=editor, dry_run=False)
        undo_import(report.batch, user=editor)
    assert "import" in caplog.text
    assert not [address for address in ADDRESSES if address in caplog.text.lower()]


def _token(response) -> str:
    return re.search(r"token=([^&]+)", response["Location"]).group(1)


def test_the_admin_flow_keeps_only_the_columns_it_imports_and_removes_the_copy(client, editor, existing):
    client.force_login(editor)
    response = client.post(reverse("newsletter_import:start"), {"file": SimpleUploadedFile("oud.csv", csv_sheet(ROWS))})
    assert response.status_code == 302
    kept, name = open_token(_token(response), KeptList)
    assert name == "oud.csv"
    with zipfile.ZipFile(io.BytesIO(kept.read())) as copy:
        stored = b"".join(copy.read(member) for member in copy.namelist())
    assert b"Anna weer" not in stored and b"Dina" not in stored and b"dina@example.org" in stored
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "overgeslagen: geen toestemming" in html
    assert "2 adressen worden geïmporteerd" in html and "5 rijen worden overgeslagen" in html
    confirmed = client.post(reverse("newsletter_import:confirm"), {"token": _token(response)}, follow=True)
    assert "2 adressen geïmporteerd als bevestigde abonnees. 5 rijen overgeslagen." in confirmed.content.decode()
    assert not kept.exists() and Subscriber.objects.filter(source=Subscriber.Source.IMPORT).count() == 2
    batch = SubscriberImport.objects.get()
    undone = client.post(reverse("newsletter_import:undo", args=[batch.pk]), follow=True)
    assert "2 adressen verwijderd" in undone.content.decode()
    assert not Subscriber.objects.filter(source=Subscriber.Source.IMPORT).exists()
    assert mail.outbox == []


def test_a_cancelled_or_faulty_upload_is_not_kept(client, editor):
    client.force_login(editor)
    bad = csv_sheet([["", "a@example.org", "Onbekend", "", "ja", ""]])
    response = client.post(reverse("newsletter_import:start"), {"file": SimpleUploadedFile("o.csv", bad)})
    kept, _name = open_token(_token(response), KeptList)
    page = client.get(response["Location"])
    assert "Onbekend" in page.content.decode() and page.context["token"] == "" and not kept.exists()
    response = client.post(reverse("newsletter_import:start"), {"file": SimpleUploadedFile("o.csv", csv_sheet(ROWS))})
    kept, _name = open_token(_token(response), KeptList)
    client.post(reverse("newsletter_import:confirm"), {"token": _token(response), "cancel": "1"})
    assert not kept.exists() and not SubscriberImport.objects.exists() and not Subscriber.objects.exists()
    assert client.get(response["Location"]).status_code == 404  # the token names a file that is gone


def test_abandoned_uploads_are_removed_by_the_periodic_job():
    abandoned = KeptList.keep(ContentFile(csv_sheet(ROWS), name="o.csv"))
    fresh = KeptList.keep(ContentFile(csv_sheet(ROWS), name="o.csv"))
    # Another import's file (the agenda's, in the shared folder) is that import's business, old or not.
    other = KeptUpload.keep(ContentFile(b"Titel;Datum\n", name="agenda.csv"))
    two_days_ago = (timezone.now() - datetime.timedelta(days=2)).timestamp()
    for kept in (abandoned, other):
        os.utime(kept._storage.path(kept.path), (two_days_ago, two_days_ago))
    run_housekeeping()
    assert not abandoned.exists() and fresh.exists() and other.exists()
    assert abandoned.path.startswith("newsletter-import/")
    fresh.remove()
    other.remove()


def _refused(response) -> bool:
    """403, or Wagtail's answer to PermissionDenied: a redirect to the dashboard (or the login without admin access)."""
    if response.status_code != 302:
        return response.status_code == 403
    return response["Location"] == "/admin/" or "/login/" in response["Location"]


@pytest.mark.parametrize("role", [role.name for role in ROLES] + [None])
def test_only_the_eindredactie_may_import(client, django_user_model, role):
    user = django_user_model.objects.create_user(f"import-{role}".replace(" ", "-"), password="x" * 16)
    if role:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    batch = SubscriberImport.objects.create(file_name="oud.csv")
    start = client.get(reverse("newsletter_import:start"))
    upload = client.post(reverse("newsletter_import:start"), {"file": SimpleUploadedFile("o.csv", csv_sheet(ROWS))})
    undo = client.post(reverse("newsletter_import:undo", args=[batch.pk]))
    if role == EINDREDACTIE:
        assert start.status_code == 200 and upload.status_code == 302 and undo.status_code == 302
        assert "voorbeeld" in upload["Location"]
        open_token(_token(upload), KeptList)[0].remove()
    else:
        assert _refused(start) and _refused(upload) and _refused(undo), role
        assert SubscriberImport.objects.get(pk=batch.pk).status == SubscriberImport.Status.DONE


def test_the_subscribers_list_offers_the_import_to_the_eindredactie(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_newsletter_subscriber:list")).content.decode()
    assert reverse("newsletter_import:start") in html and "Oude lijst importeren" in html
