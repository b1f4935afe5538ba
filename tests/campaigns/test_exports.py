"""Staff exports neutralise spreadsheet formulas, and only staff with the permission see sign-ups."""

from __future__ import annotations

import csv
import datetime
import io
from datetime import UTC

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from openpyxl import Workbook, load_workbook
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import GroupPagePermission

from campaigns.exports import sheet_name
from campaigns.models import SignupSubmission

pytestmark = pytest.mark.django_db

DANGEROUS = ['=HYPERLINK("http://evil")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture
def dangerous_submissions(petition):
    for value in DANGEROUS:
        SignupSubmission.objects.create(page=petition, form_data={"naam": value, "woonplaats": "Utrecht"})
    return petition


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", "wachtwoord-lang-genoeg")


def csv_rows(response, delimiter: str = ";") -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body), delimiter=delimiter))


def test_wagtails_own_csv_export_writes_formulas_unescaped(dangerous_submissions, superuser):
    """Why we need our own view: the stock view leaves `=...` as is (STACK-NOTES)."""
    request = RequestFactory().get("/", {"export": "csv"})
    request.user = superuser
    response = SubmissionsListView.as_view()(request, form_page=dangerous_submissions)
    names = [row[1] for row in csv_rows(response, delimiter=",")[1:]]
    assert '=HYPERLINK("http://evil")' in names


def test_our_csv_export_neutralises_formulas(client, dangerous_submissions, superuser):
    client.force_login(superuser)
    response = client.get(f"/admin/forms/submissions/{dangerous_submissions.pk}/", {"export": "csv"})
    assert response.status_code == 200
    names = [row[1] for row in csv_rows(response)[1:]]
    assert sorted(names) == sorted("'" + value for value in DANGEROUS)
    assert all(not name.startswith(("=", "+", "-", "@", "\t", "\r")) for name in names)


def test_our_xlsx_export_neutralises_formulas(client, dangerous_submissions, superuser):
    client.force_login(superuser)
    response = client.get(f"/admin/forms/submissions/{dangerous_submissions.pk}/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == len(DANGEROUS)
    # (XML turns the CR into a line feed on reading; what matters is the leading apostrophe.)
    assert all(name.startswith("'") for name in names)
    assert '\'=HYPERLINK("http://evil")' in names


def editor_with_page_rights(django_user_model, page):
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "wachtwoord-lang-genoeg")
    group = Group.objects.create(name="Campagneredactie")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    return user, group


def test_editing_rights_alone_do_not_show_submissions(client, django_user_model, dangerous_submissions):
    campaign = dangerous_submissions.get_parent()
    user, group = editor_with_page_rights(django_user_model, campaign)
    client.force_login(user)
    url = f"/admin/forms/submissions/{dangerous_submissions.pk}/"
    # Wagtail answers a permission denial in the admin with a redirect to the dashboard.
    for response in (client.get(url), client.get(url, {"export": "csv"})):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert dangerous_submissions.title not in client.get("/admin/forms/").content.decode()

    group.permissions.add(Permission.objects.get(codename="view_signupsubmission"))
    user = django_user_model.objects.get(pk=user.pk)  # fresh permission cache
    client.force_login(user)
    assert client.get(url).status_code == 200
    assert client.get(url, {"export": "csv"}).status_code == 200


def test_anonymous_visitors_cannot_reach_submissions(client, dangerous_submissions):
    response = client.get(f"/admin/forms/submissions/{dangerous_submissions.pk}/", {"export": "csv"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_moderators_approve_sign_ons_but_cannot_add_them(client, superuser, sign_on):
    client.force_login(superuser)
    listing = client.get("/admin/sign_ons/")
    assert listing.status_code == 200
    assert "Diaconie Utrecht-Oost" in listing.content.decode()
    assert client.get("/admin/sign_ons/new/").status_code in (302, 403, 404)
    pending = SignupSubmission.objects.create(page=sign_on, organisation="Te Keuren", form_data={})
    response = client.post(f"/admin/sign_ons/edit/{pending.pk}/", {"approved": "on"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.approved


def test_api_never_exposes_submissions(client, dangerous_submissions):
    for path in ("/api/v2/submissions/", "/api/v2/formsubmissions/", "/api/v2/forms/"):
        assert client.get(path).status_code == 404
    listing = client.get("/api/v2/pages/", {"type": "campaigns.SignupFormPage", "fields": "*"})
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "HYPERLINK" not in body and "to_address" not in body and "form_fields" not in body
    detail = client.get(f"/api/v2/pages/{dangerous_submissions.pk}/").content.decode()
    assert "HYPERLINK" not in detail and "Utrecht" not in detail


def test_dutch_excel_opens_the_csv_and_the_xlsx(client, petition, superuser):
    """Semicolons and a UTF-8 BOM (Dutch Excel), local time, Ja/Nee, the questions' own labels as headings."""
    signed = SignupSubmission.objects.create(page=petition, form_data={"naam": "Zoë", "privacy_consent": True})
    SignupSubmission.objects.filter(pk=signed.pk).update(submit_time=datetime.datetime(2027, 7, 1, 10, 5, tzinfo=UTC))
    client.force_login(superuser)
    response = client.get(f"/admin/forms/submissions/{petition.pk}/", {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="petitie-aanmeldingen-' in response["Content-Disposition"]
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    heading, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    labels = [label for _name, label in petition.get_data_fields()][1:]
    assert heading == ["Aangemeld op", *[str(label) for label in labels]]
    cells = set(heading + [cell for row in rows for cell in row])
    assert not {"submit_time", "privacy_consent", "True", "False"} & cells
    row = dict(zip(heading, rows[-1], strict=True))
    assert row["Aangemeld op"] == "01-07-2027 12:05"  # summer time in Amsterdam, not UTC
    assert row["Toestemming"] == "Ja" and "Zoë" in rows[-1]

    response = client.get(f"/admin/forms/submissions/{petition.pk}/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.title == petition.title[:31]  # the form's name on the tab, not Wagtail's "Sheet1"
    heading, *rows = list(sheet.iter_rows(values_only=True))
    row = dict(zip(heading, rows[-1], strict=True))
    assert heading[0] == "Aangemeld op"
    assert row["Aangemeld op"] == datetime.datetime(2027, 7, 1, 12, 5)  # noqa: DTZ001 - spreadsheets have no zone
    assert row["Toestemming"] == "Ja"


def test_the_export_buttons_are_labelled_above_the_list(client, petition, superuser):
    client.force_login(superuser)
    page = client.get(f"/admin/forms/submissions/{petition.pk}/").content.decode()
    assert "Download voor Excel" in page and "Download als CSV" in page
    assert "Download XLSX" not in page  # not also in the unlabelled "..." menu


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Teken de petitie", "Teken de petitie"),
        ("Petitie: zorg/recht [2027]?", "Petitie zorg recht 2027"),
        ("'Geen cel' *nu*", "Geen cel' nu"),
        ("Een heel lange titel voor een aanmeldformulier", "Een heel lange titel voor een a"),
        ("\U0001f600" * 20, "\U0001f600" * 15),  # Excel counts an emoji twice
        ("Teken\x00nu", "Teken nu"),
        ("[]:?*", "Aanmeldingen"),
        ("History", "Aanmeldingen"),  # Excel's own sheet name
    ],
)
def test_the_sheet_has_a_name_excel_accepts(title, name):
    assert sheet_name(title) == name
    Workbook().create_sheet(sheet_name(title))  # openpyxl applies Excel's rules too


def test_a_control_character_typed_into_the_public_form_does_not_break_the_excel_download(client, petition, superuser):
    """A vertical tab (pasted from Word) cannot be stored in an XLSX file: openpyxl refused the whole sheet, so
    one visitor's sign-up made "Download voor Excel" answer 500 until the retention period removed it."""
    signup = {"naam": "Fatima\x0bEl Amrani", "woonplaats": "Utr\x1fecht", "privacy_consent": "on", "hp_website": ""}
    assert client.post(f"/aanmelden/{petition.pk}/", signup).status_code == 302
    client.force_login(superuser)
    response = client.get(f"/admin/forms/submissions/{petition.pk}/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert ("Fatima El Amrani", "Utrecht") in [row[1:3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # The CSV (text) keeps what was typed.
    csv_export = client.get(f"/admin/forms/submissions/{petition.pk}/", {"export": "csv"})
    assert ["Fatima\x0bEl Amrani", "Utr\x1fecht"] in [row[1:3] for row in csv_rows(csv_export)[1:]]
