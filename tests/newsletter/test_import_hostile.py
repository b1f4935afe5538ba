"""Hostile spreadsheets against the subscriber import, through the admin as the Eindredactie: a clear answer,
never a 500, nothing half-written, a bounded page. Run on PostgreSQL too (DATABASE_URL), where a NUL byte that
reached a query would raise."""

from __future__ import annotations

import codecs
import io
import re
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editors.roles import EINDREDACTIE
from newsletter.importing import KeptList, run_import
from newsletter.models import Subscriber, SubscriberImport
from spreadsheets.reading import MAX_ROWS
from spreadsheets.uploads import open_token
from spreadsheets.writers import write_xlsx

pytestmark = pytest.mark.django_db
HEADERS = ["E-mailadres", "Lijsten", "Toestemming"]
GOOD = ["anna@example.org", "LOS nieuws", "ja"]


def csv_sheet(rows, headers=HEADERS, delimiter=";") -> str:
    return "\n".join(delimiter.join(row) for row in [headers, *rows])


def _xlsx_with_formulas() -> bytes:
    """Formula cells as Excel stores them, without a cached value (openpyxl writes none)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(['=CONCAT("anna","@example.org")', "LOS nieuws", "ja"])
    sheet.append(["bert@example.org", '=HYPERLINK("http://aanvaller.example","LOS nieuws")', "=1+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _huge_dimension_xlsx() -> bytes:
    small = write_xlsx(HEADERS, [GOOD], sheet_title="Abonnees")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(small)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', content)
            target.writestr(info.filename, content)
    return out.getvalue()


def _many_rows(count: int) -> bytes:
    return csv_sheet([[f"lezer{n}@example.org", "LOS nieuws", "ja"] for n in range(count)]).encode()


WIDE_HEADERS = [*HEADERS, *(f"kolom {n}" for n in range(3_000))]
CASES = {
    # name: (file name, content, addresses imported)
    "formula-csv": (
        "formules.csv",
        csv_sheet(
            [
                ['=HYPERLINK("http://aanvaller.example";"klik")', "LOS nieuws", "ja"],
                ["carla@example.org", "=1+1", "ja"],
                ["@SUM(1)", "LOS nieuws", "+ja"],
            ],
            delimiter=",",
        ).encode(),
        0,
    ),
    "formula-xlsx": ("formules.xlsx", _xlsx_with_formulas(), 0),
    "100k-char cells": (
        "lang.csv",
        csv_sheet(
            [
                ["a" * 100_000 + "@example.org", "LOS nieuws", "ja"],
                ["bert@example.org", "x" * 100_000, "ja"],
                ["carla@example.org", "LOS nieuws", "y" * 100_000],
            ]
        ).encode(),
        0,
    ),
    "NUL in a cell": ("nul.csv", csv_sheet([["anna\x00@example.org", "LOS\x00 nieuws", "ja\x00"]]).encode(), 0),
    "NUL-padded xlsx": ("nul.xlsx", b"PK\x03\x04" + b"\x00" * 5_000, 0),
    "huge XLSX dimension": ("groot.xlsx", _huge_dimension_xlsx(), 1),
    "cp1252": ("oud.csv", csv_sheet([["zoë.müller@example.org", "LOS nieuws", "ja"], GOOD]).encode("cp1252"), 1),
    "UTF-16 text": ("unicode.txt", codecs.BOM_UTF16_LE + csv_sheet([GOOD], delimiter="\t").encode("utf-16-le"), 1),
    # The garbage row's consent cell cannot be read: a row error, so nothing is imported (and nothing breaks).
    "undecodable bytes": ("rommel.csv", csv_sheet([GOOD]).encode() + b"\n\x81\x8d\x8f\x90\x9d;\xff;\xfe\n", 0),
    "not a spreadsheet": ("foto.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, 0),
    "thousands of columns": (
        "breed.csv",
        csv_sheet([[*GOOD, *("x" * 3_000)]], headers=WIDE_HEADERS).encode(),
        1,
    ),
    # Every kind of sheet is read at most 256 columns wide (a CSV line of 5 million one-letter columns held
    # hundreds of megabytes): our columns after 3,000 others are not found, as in XLSX below.
    "our columns after 3,000 others (CSV)": (
        "verstopt.csv",
        csv_sheet([[*("x" * 3_000), *GOOD]], headers=[*(f"k{n}" for n in range(3_000)), *HEADERS]).encode(),
        0,
    ),
    # A spreadsheet's rows are read at most 256 columns wide: our columns beyond that are not found.
    "our columns past the width limit (XLSX)": (
        "verstopt.xlsx",
        write_xlsx([*(f"k{n}" for n in range(300)), *HEADERS], [[*("x" * 300), *GOOD]]),
        0,
    ),
    "50,000 rows": ("groot.csv", _many_rows(50_000), 0),
}


@pytest.mark.parametrize("case", CASES)
def test_hostile_sheets_get_a_clear_answer_and_nothing_half_written(client, make_user, case):
    file_name, content, imported = CASES[case]
    client.force_login(make_user(EINDREDACTIE, "eindredacteur"))
    response = client.post(reverse("newsletter_import:start"), {"file": SimpleUploadedFile(file_name, content)})
    assert response.status_code in (302, 400), case
    if response.status_code == 400:
        assert response.context["form"].errors["file"]  # the reason, in the editor's words
    else:
        page = client.get(response["Location"])
        assert page.status_code == 200 and len(page.content) < 300_000, case
        token = page.context["token"]
        if token:
            kept, _name = open_token(token, KeptList)
            assert client.post(reverse("newsletter_import:confirm"), {"token": token}).status_code == 302
            assert not kept.exists()
    assert Subscriber.objects.filter(source=Subscriber.Source.IMPORT).count() == imported, case
    assert SubscriberImport.objects.count() == (1 if imported else 0), case
    if case == "50,000 rows":
        assert f"{MAX_ROWS:,}".replace(",", ".") in response.content.decode()


def test_formula_text_is_never_stored_as_an_address(client, make_user):
    """A formula-looking cell is at most text in a preview, never a subscriber or a formula in the kept copy."""
    client.force_login(make_user(EINDREDACTIE, "eindredacteur"))
    sheet = csv_sheet([["=cmd|' /C calc'!A0", "LOS nieuws", "ja"], GOOD]).encode()
    response = client.post(reverse("newsletter_import:start"), {"file": SimpleUploadedFile("f.csv", sheet)})
    kept, _name = open_token(re.search(r"token=([^&]+)", response["Location"]).group(1), KeptList)
    with zipfile.ZipFile(io.BytesIO(kept.read())) as copy:
        cells = copy.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in cells  # written as text, not as a formula
    assert "overgeslagen: ongeldig e-mailadres" in client.get(response["Location"]).content.decode()
    kept.remove()


def test_a_nul_in_the_file_name_is_stored_without_it(make_user):
    report = run_import(csv_sheet([GOOD]).encode(), "oud\x00lijst.csv", user=make_user(EINDREDACTIE), dry_run=False)
    assert report.batch.file_name == "oudlijst.csv"


def test_the_largest_list_the_engine_reads_is_written_in_bounded_queries(make_user, django_assert_max_num_queries):
    user = make_user(EINDREDACTIE)
    # Bulk inserts: about 50 queries on PostgreSQL, about 230 on SQLite (its 999-variable limit makes the chunks
    # smaller); a query per row would be 40,000.
    with django_assert_max_num_queries(MAX_ROWS // 50):
        report = run_import(_many_rows(MAX_ROWS), "groot.csv", user=user, dry_run=False)
    assert report.batch.imported_count == MAX_ROWS == Subscriber.objects.filter(import_batch=report.batch).count()
    assert Subscriber.lists.through.objects.filter(subscriber__import_batch=report.batch).count() == MAX_ROWS
