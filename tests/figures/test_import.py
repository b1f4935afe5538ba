"""The quarterly spreadsheet import: preview with row errors, import, undo; only the coordinator's shelters."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editors import roles
from figures.importing import COLUMN_NAMES, run_import, template_xlsx, undo_import
from figures.models import FiguresHistory, QuarterFigures, Shelter
from tests.editors.conftest import login, make_user  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

HEADERS = list(COLUMN_NAMES)
ROW = {
    "year": 2027,
    "quarter": 1,
    "supported": 10,
    "intakes": 4,
    "departures": 5,
    "nationality:MA": 10,
    "gender:man": 10,
    "age:30-49": 10,
    "household:alleen": 10,
    "duration:1-3m": 5,
    "outcome:anders": 5,
}


def sheet(*rows: dict) -> bytes:
    lines = [";".join(COLUMN_NAMES[key] for key in HEADERS)]
    lines += [";".join(str(row.get(key, "")) for key in HEADERS) for row in rows]
    return "\n".join(lines).encode("utf-8")


@pytest.fixture
def coordinator(make_user):  # noqa: F811
    user = make_user(roles.OPVANGCOORDINATOREN, "importeur")
    Shelter.objects.get(city="Arnhem").coordinators.add(user)
    return user


def test_preview_names_every_row_problem_and_writes_nothing(coordinator):
    rows = [
        {**ROW, "shelter": "Opvang Arnhem"},
        {**ROW, "shelter": "Opvang Arnhem", "quarter": 3, "gender:man": 7},
        {**ROW, "shelter": "Noodopvang Nijmegen"},  # not theirs
        {**ROW, "shelter": "Opvang Arnhem", "quarter": 2, "supported": "-3"},
    ]
    count = QuarterFigures.objects.count()
    report = run_import(sheet(*rows), "k.csv", user=coordinator, dry_run=True)
    problems = {row.number: " ".join(row.problems) for row in report.rows}
    assert problems[2] == ""
    assert "Gender telt op tot 7, maar ondersteunde mensen is 10." in problems[3]
    assert "onbekende opvang" in problems[4]
    assert "geen heel getal" in problems[5]
    assert not report.ok
    assert run_import(sheet(*rows), "k.csv", user=coordinator, dry_run=False).batch is None
    assert QuarterFigures.objects.count() == count


def test_import_and_undo_restore_what_was_there(coordinator):
    arnhem = Shelter.objects.get(city="Arnhem")
    existing = arnhem.figures.order_by("year", "quarter").first()
    before = existing.values()
    replaced = {**ROW, "shelter": "opvang arnhem", "year": existing.year, "quarter": existing.quarter}
    report = run_import(sheet({**ROW, "shelter": "Opvang Arnhem"}, replaced), "k.csv", user=coordinator, dry_run=False)
    assert report.ok and report.batch is not None
    assert [row.status for row in report.rows] == ["new", "changed"]
    existing.refresh_from_db()
    assert existing.supported == 10 and FiguresHistory.objects.filter(figures=existing).exists()
    undo_import(report.batch, user=None)
    existing.refresh_from_db()
    assert existing.values() == before
    assert not arnhem.figures.filter(year=2027).exists()


def test_the_admin_flow_preview_confirm_undo(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("k.csv", sheet({**ROW, "shelter": "Opvang Arnhem"}))
    response = client.post(reverse("figures_import:start"), {"file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200 and "Importeren" in preview.content.decode()
    assert "Voorbeeld van k.csv" in preview.content.decode()  # the preview names the file it shows
    assert client.post(reverse("figures_import:confirm"), {"token": preview.context["token"]}).status_code == 302
    figures = Shelter.objects.get(city="Arnhem").figures.get(year=2027)
    batch = figures.import_batch
    assert "k.csv" in client.get(reverse("figures_import:start")).content.decode()  # listed under earlier imports
    assert client.post(reverse("figures_import:undo", args=[batch.pk])).status_code == 302
    assert not QuarterFigures.objects.filter(pk=figures.pk).exists()
    batch.refresh_from_db()
    assert batch.status == "undone" and batch.undone_by == coordinator
    assert client.get(reverse("figures_admin:import_template"))["Content-Type"].startswith("application/vnd")
    assert template_xlsx().startswith(b"PK")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff" * 50,
        b"Opvang;Jaar\n=HYPERLINK(1);2027",
        sheet({**ROW, "shelter": "\x00", "year": "1e400"}),
    ],
)
def test_hostile_sheets_are_refused_without_writing(client, coordinator, content):
    client.force_login(coordinator)
    count = QuarterFigures.objects.count()
    response = client.post(reverse("figures_import:start"), {"file": SimpleUploadedFile("k.csv", content)})
    if response.status_code == 302:
        response = client.get(response["Location"])
        assert response.status_code == 200
        token = response.context.get("token")
        if token:
            client.post(reverse("figures_import:confirm"), {"token": token})
    else:  # refused at the upload (an empty file): the form says why
        assert response.status_code == 400 and response.context["form"].errors["file"]
    assert QuarterFigures.objects.count() == count


def test_cancelling_the_preview_removes_the_kept_file(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("k.csv", sheet({**ROW, "shelter": "Opvang Arnhem"}))
    preview = client.get(client.post(reverse("figures_import:start"), {"file": upload})["Location"])
    token = preview.context["token"]
    cancelled = client.post(reverse("figures_import:confirm"), {"token": token, "cancel": "1"}, follow=True)
    assert "De import is geannuleerd" in cancelled.content.decode()
    assert client.post(reverse("figures_import:confirm"), {"token": token}).status_code == 404  # the file is gone
    assert not Shelter.objects.get(city="Arnhem").figures.filter(year=2027).exists()


def test_forged_tokens_and_other_peoples_imports(client, coordinator, make_user):  # noqa: F811
    client.force_login(coordinator)
    assert client.get(reverse("figures_import:preview") + "?token=forged").status_code == 404
    other = make_user(roles.OPVANGCOORDINATOREN, "ander")
    Shelter.objects.get(city="Arnhem").coordinators.add(other)
    report = run_import(sheet({**ROW, "shelter": "Opvang Arnhem"}), "k.csv", user=other, dry_run=False)
    assert client.post(reverse("figures_import:undo", args=[report.batch.pk])).status_code == 404
    # An id no database column can hold never reaches the database (PostgreSQL would refuse it with an error).
    assert client.post("/admin/cijfers/import/99999999999999999999/ongedaan-maken/").status_code == 404
