"""Importing the existing register (meldpunt/importing.py): preview with row errors, names dropped, nothing
written while a row is wrong, import, undo; only the Meldpunt group may import. Hostile sheets run on PostgreSQL
too (DATABASE_URL)."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editors.roles import ROLES
from meldpunt.importing import KeptSheet, run_import, sanitised_copy, undo_blocker, undo_import
from meldpunt.models import Report, ReportImport
from spreadsheets.uploads import open_token
from spreadsheets.writers import write_xlsx

pytestmark = pytest.mark.django_db
MELDPUNT = "Meldpunt"
HEADERS = [
    "Datum",
    "Naam",
    "V-nummer",
    "Kanaal",
    "Locatie",
    "Onderwerpen",
    "Omschrijving",
    "Urgentie",
    "Status",
    "Doorverwezen naar",
    "Datum doorverwijzing",
    "Uitkomst",
    "Afgesloten op",
    "Telefoon",
]
GOOD = [
    [
        "03-02-2025",
        "Fatima Test",
        "V123456789",
        "telefoon",
        "Detentiecentrum Rotterdam",
        "medische zorg, isolatie",
        "Geen arts gezien na val.",
        "urgent",
        "",
        "Advocatenkantoor Voorbeeld",
        "05-02-2025",
        "",
        "",
        "0612345678",
    ],
    [
        "4 maart 2025",
        "",
        "",
        "WhatsApp",
        "detentiecentrum zeist",
        "eten",
        "Te weinig eten.",
        "",
        "afgesloten",
        "",
        "",
        "opgelost",
        "20-03-2025",
        "",
    ],
]


def csv_sheet(rows, headers=HEADERS) -> bytes:
    lines = [";".join(headers), *(";".join(row) for row in rows)]
    return "\n".join(lines).encode("utf-8")


@pytest.fixture
def intern(django_user_model):
    user = django_user_model.objects.create_user("intern-import", password="x" * 16)
    user.groups.add(Group.objects.get(name=MELDPUNT))
    return user


def test_import_maps_the_columns_and_drops_names(intern):
    before = Report.objects.count()
    report = run_import(csv_sheet(GOOD), "register.csv", user=intern, dry_run=False)
    assert report.ok and report.batch is not None, [row.problems for row in report.rows]
    assert set(report.ignored_columns) == {"Naam", "V-nummer", "Telefoon"}
    assert Report.objects.count() == before + 2
    first, second = Report.objects.filter(import_batch=report.batch).order_by("received_on")
    assert first.received_on == datetime.date(2025, 2, 3) and first.channel == "phone" and first.urgency == "urgent"
    assert first.status == "referred" and sorted(first.topics.values_list("slug", flat=True)) == [
        "isolation",
        "medical",
    ]
    referral = first.referrals.get()
    assert referral.referred_to == "Advocatenkantoor Voorbeeld" and referral.referred_on == datetime.date(2025, 2, 5)
    assert first.reference.startswith("MVD-2025-") and first.contact == ""
    assert second.location.name == "Detentiecentrum Zeist" and second.status == "closed"
    assert second.outcome == "resolved" and second.closed_on == datetime.date(2025, 3, 20)
    assert list(first.changes.values_list("summary", flat=True)) == ["Geïmporteerd uit een spreadsheet"]
    stored = " ".join(str(value) for value in Report.objects.filter(import_batch=report.batch).values_list())
    assert "Fatima" not in stored and "V123456789" not in stored and "0612345678" not in stored


def test_every_row_problem_is_named_and_nothing_is_written(intern):
    rows = [
        GOOD[0],
        ["31-02-2025", "", "", "telefoon", "Detentiecentrum Rotterdam", "", "", "", "", "", "", "", "", ""],
        ["01-03-2025", "", "", "postduif", "Kamp Nergens", "medisch?", "", "heel erg", "", "", "", "", "", ""],
        [
            "01-03-2025",
            "",
            "",
            "",
            "Detentiecentrum Rotterdam",
            "",
            "x",
            "",
            "beantwoord",
            "",
            "",
            "",
            "02-03-2025",
            "",
        ],
        ["01-03-2099", "", "", "", "Detentiecentrum Rotterdam", "", "", "", "", "", "", "", "", ""],
    ]
    before = Report.objects.count()
    report = run_import(csv_sheet(rows), "r.csv", user=intern, dry_run=False)
    assert report.batch is None and not report.ok and Report.objects.count() == before
    problems = {row.number: " ".join(row.problems) for row in report.rows}
    assert problems[2] == ""
    assert "bestaat niet" in problems[3]
    assert "postduif" in problems[4] and "Kamp Nergens" in problems[4] and "Detentiecentrum Rotterdam" in problems[4]
    assert "medisch?" in problems[4] and "heel erg" in problems[4]
    assert "status is niet afgesloten" in problems[5]
    assert "toekomst" in problems[6]


def test_the_same_sheet_twice_is_refused_the_second_time(intern):
    assert run_import(csv_sheet(GOOD), "r.csv", user=intern, dry_run=False).batch is not None
    again = run_import(csv_sheet(GOOD), "r.csv", user=intern, dry_run=False)
    assert again.batch is None
    assert all("staat al in het register (MVD-2025-" in " ".join(row.problems) for row in again.rows)


def test_undo_removes_the_reports_unless_someone_worked_on_them(intern):
    report = run_import(csv_sheet(GOOD), "r.csv", user=intern, dry_run=False)
    assert undo_blocker(report.batch) == ""
    assert undo_import(report.batch, user=intern) == 2
    assert not Report.objects.filter(import_batch=report.batch).exists()
    assert ReportImport.objects.get(pk=report.batch.pk).status == ReportImport.Status.UNDONE
    assert undo_blocker(ReportImport.objects.get(pk=report.batch.pk))
    second = run_import(csv_sheet(GOOD), "r.csv", user=intern, dry_run=False)
    worked_on = Report.objects.filter(import_batch=second.batch).first()
    worked_on.status = "answered"
    worked_on.save()
    assert worked_on.reference in undo_blocker(second.batch)
    with pytest.raises(ValueError):
        undo_import(second.batch)
    assert Report.objects.filter(import_batch=second.batch).count() == 2


def test_the_admin_flow_keeps_no_names_and_undoes(client, intern):
    client.force_login(intern)
    response = client.post(reverse("meldpunt_import:start"), {"file": SimpleUploadedFile("r.csv", csv_sheet(GOOD))})
    assert response.status_code == 302
    token = re.search(r"token=([^&]+)", response["Location"]).group(1)
    kept, name = open_token(token, KeptSheet)
    assert name == "r.csv"
    with zipfile.ZipFile(io.BytesIO(kept.read())) as copy:
        stored = b"".join(copy.read(member) for member in copy.namelist())
    assert b"Fatima" not in stored and b"V123456789" not in stored and b"0612345678" not in stored
    assert b"Geen arts gezien" in stored  # the copy is readable: the test would pass on an empty file otherwise
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "Naam, V-nummer, Telefoon" in html and "Fatima" not in html
    before = Report.objects.count()
    assert client.post(reverse("meldpunt_import:confirm"), {"token": token}).status_code == 302
    assert Report.objects.count() == before + 2 and not kept.exists()
    batch = ReportImport.objects.get()
    assert client.post(reverse("meldpunt_import:undo", args=[batch.pk])).status_code == 302
    assert Report.objects.count() == before


def test_a_sheet_with_errors_is_not_kept_and_can_be_cancelled(client, intern):
    client.force_login(intern)
    bad = csv_sheet([["01-01-2025", "", "", "", "Kamp Nergens", "", "", "", "", "", "", "", "", ""]])
    response = client.post(reverse("meldpunt_import:start"), {"file": SimpleUploadedFile("r.csv", bad)})
    token = re.search(r"token=([^&]+)", response["Location"]).group(1)
    kept, _name = open_token(token, KeptSheet)
    page = client.get(response["Location"])
    assert "Kamp Nergens" in page.content.decode() and page.context["token"] == ""
    assert not kept.exists()
    response = client.post(reverse("meldpunt_import:start"), {"file": SimpleUploadedFile("r.csv", csv_sheet(GOOD))})
    token = re.search(r"token=([^&]+)", response["Location"]).group(1)
    kept, _name = open_token(token, KeptSheet)
    client.post(reverse("meldpunt_import:confirm"), {"token": token, "cancel": "1"})
    assert not kept.exists() and not ReportImport.objects.exists()


def _refused(response) -> bool:
    """403, or Wagtail's answer to PermissionDenied: a redirect to the dashboard (or to the login for an account
    without admin access), as in tests/security/test_permission_matrix.py."""
    if response.status_code != 302:
        return response.status_code == 403
    return response["Location"] == "/admin/" or "/login/" in response["Location"]


@pytest.mark.parametrize("role", [role.name for role in ROLES] + [None])
def test_only_the_meldpunt_group_may_import(client, django_user_model, role):
    user = django_user_model.objects.create_user(f"import-{role}".replace(" ", "-"), password="x" * 16)
    if role:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    batch = ReportImport.objects.create(file_name="oud.csv")
    start = client.get(reverse("meldpunt_import:start"))
    upload = client.post(reverse("meldpunt_import:start"), {"file": SimpleUploadedFile("r.csv", csv_sheet(GOOD))})
    undo = client.post(reverse("meldpunt_import:undo", args=[batch.pk]))
    if role == MELDPUNT:
        assert start.status_code == 200 and upload.status_code == 302 and undo.status_code == 302
        assert "voorbeeld" in upload["Location"]
    else:
        assert _refused(start) and _refused(upload) and _refused(undo), role
        assert ReportImport.objects.get(pk=batch.pk).status == ReportImport.Status.DONE


def _huge_range_xlsx() -> bytes:
    small = write_xlsx(["Datum", "Locatie"], [["01-01-2025", "Detentiecentrum Rotterdam"]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(small)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', content)
            target.writestr(info.filename, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "content, name",
    [
        (b"", "leeg.csv"),
        (b"\x00\xff" * 50, "rommel.xlsx"),
        (_huge_range_xlsx(), "groot.xlsx"),
        (
            csv_sheet(
                [
                    [
                        "01-01-2025\x00",
                        "",
                        "",
                        "\x00",
                        "Detentiecentrum Rotterdam\x00",
                        "eten\x00",
                        "a" * 20_000,
                        "",
                        "",
                        "b" * 400,
                        "",
                        "",
                        "",
                        "",
                    ]
                ]
            ),
            "nul.csv",
        ),
        (b'Datum;Locatie\n=HYPERLINK("http://x");=1+1\n', "formule.csv"),
        (csv_sheet([GOOD[0]] * 3).replace(b"Advocatenkantoor Voorbeeld", b"@SUM(1)"), "dubbel.csv"),
    ],
)
def test_hostile_sheets_are_refused_without_writing_or_breaking(client, intern, content, name):
    client.force_login(intern)
    before = Report.objects.count()
    response = client.post(reverse("meldpunt_import:start"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code in (302, 400)  # to the preview, or the form again with what is wrong
    if response.status_code == 400:
        assert response.context["form"].errors["file"]
    if response.status_code == 302:
        page = client.get(response["Location"])
        assert page.status_code == 200
        if page.context.get("token"):
            client.post(reverse("meldpunt_import:confirm"), {"token": page.context["token"]})
    written = Report.objects.count() - before
    if name == "groot.xlsx":
        assert written == 1  # the one real row, read without expanding the declared million rows
    else:
        assert written == 0


def test_a_forged_token_is_a_404(client, intern):
    client.force_login(intern)
    assert client.get(reverse("meldpunt_import:preview") + "?token=forged").status_code == 404
    assert client.post(reverse("meldpunt_import:confirm"), {"token": "forged"}).status_code == 404


def test_sanitised_copy_keeps_row_numbers():
    copy = sanitised_copy(b"Titel van het register\n\n" + csv_sheet(GOOD), "r.csv")
    report = run_import(copy, "r.csv", user=None, dry_run=True)
    assert [row.number for row in report.rows] == [4, 5]


def test_the_messages_count_in_dutch_and_english():
    """ "1 meldingen" read as a typo to staff: one report is "melding", in every message the import shows."""
    from types import SimpleNamespace

    from django.utils import translation

    from meldpunt.import_views import _imported, _undone

    with translation.override("nl"):
        assert _imported(SimpleNamespace(rows=[1])) == "1 melding geïmporteerd."
        assert _imported(SimpleNamespace(rows=[1, 2])) == "2 meldingen geïmporteerd."
        assert _undone(1) == "De import is ongedaan gemaakt: 1 melding verwijderd."
    with translation.override("en"):
        assert _undone(3) == "The import has been undone: 3 reports removed."
