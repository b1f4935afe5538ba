"""The "Agenda importeren" admin flow, history, undo, export and permissions, through the admin views as a
volunteer, as an editor without agenda permissions, and anonymously."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events import importing
from events.importing import background
from events.models import Event, ImportBatch
from spreadsheets.uploads import KeptUpload
from tests.events.conftest import database_state, fixture_bytes
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-genoeg-wachtwoord"


@pytest.fixture(autouse=True)
def own_private_files(settings, tmp_path):
    """Uploads of one test never show up in another."""
    storages = {**settings.STORAGES}
    storages["import_export"] = {**storages["import_export"], "OPTIONS": {"location": str(tmp_path)}}
    settings.STORAGES = storages


@pytest.fixture
def volunteer(django_user_model):
    user = django_user_model.objects.create_user("vrijwilliger", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Vrijwilligers"))
    return user


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """An admin user who may use the admin but has no agenda permissions."""
    user = django_user_model.objects.create_user("redacteur", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def upload(client, name: str, data: bytes | None = None):
    data = fixture_bytes(name) if data is None else data
    return client.post(reverse("events_admin:import"), {"file": SimpleUploadedFile(name, data)})


def token_of(response) -> str:
    return parse_qs(urlparse(response["Location"]).query)["token"][0]


def stored_uploads() -> list[str]:
    try:
        return KeptUpload(name="")._storage.listdir("events-import")[1]
    except FileNotFoundError:
        return []


def test_volunteer_group_has_only_agenda_permissions():
    codenames = set(Group.objects.get(name="Vrijwilligers").permissions.values_list("codename", flat=True))
    assert codenames == {
        "access_admin",
        "view_event",
        "add_event",
        "change_event",
        "delete_event",
        "view_importbatch",
        "add_importbatch",
        "undo_importbatch",
    }


def test_volunteer_sees_the_agenda_menu_and_nothing_they_cannot_use(volunteer_client):
    html = volunteer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Agenda importeren" in html and "Importgeschiedenis" in html
    assert volunteer_client.get(reverse("wagtailsnippets_events_event:list")).status_code == 200
    assert volunteer_client.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)
    assert volunteer_client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)


def test_full_flow_upload_preview_confirm_summary(volunteer_client, volunteer):
    response = upload(volunteer_client, "agenda.xlsx")
    assert response.status_code == 302
    token = token_of(response)
    preview = volunteer_client.get(response["Location"])
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "3 nieuw" in html and "Regiobijeenkomst opvang" in html
    assert 'name="confirm"' in html
    assert Event.objects.filter(title="Landelijke dag").count() == 0  # a preview writes nothing

    done = volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "confirm": "1"})
    assert done.status_code == 302
    batch = ImportBatch.objects.latest("pk")
    assert done["Location"] == reverse("events_admin:batch", args=[batch.pk])
    assert (batch.user, batch.file_name, batch.created_count) == (volunteer, "agenda.xlsx", 3)
    assert Event.objects.filter(import_batch=batch).count() == 3
    summary = volunteer_client.get(done["Location"]).content.decode()
    assert "Deze import ongedaan maken" in summary
    assert stored_uploads() == []  # the uploaded file is removed after the import

    history = volunteer_client.get(reverse("events_admin:history")).content.decode()
    assert "agenda.xlsx" in history and "vrijwilliger" in history


def test_preview_marks_new_changed_unchanged_and_invalid_rows(volunteer_client):
    importing.run_import(fixture_bytes("matching_first.csv"), "matching_first.csv", dry_run=False)
    response = volunteer_client.get(upload(volunteer_client, "matching_corrected.csv")["Location"])
    html = response.content.decode()
    for css in ("events-import-row--new", "events-import-row--changed", "events-import-row--unchanged"):
        assert css in html
    assert "Verandert: Titel, Datum" in html  # the K-7 row

    response = volunteer_client.get(upload(volunteer_client, "agenda_with_errors.xlsx")["Location"])
    html = response.content.decode()
    assert "events-import-row--invalid" in html
    assert "Rij 3, kolom Titel: De titel ontbreekt." in html
    assert 'name="confirm"' not in html  # no way to import a file with errors
    assert "Afgekeurde rijen downloaden" in html


def test_confirming_a_file_with_errors_writes_nothing(volunteer_client):
    before = database_state()
    token = token_of(upload(volunteer_client, "agenda_with_errors.xlsx"))
    response = volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "confirm": "1"})
    assert response.status_code == 200
    assert "Er is niets geïmporteerd" in response.content.decode()
    assert database_state() == before


def test_cancel_writes_nothing_and_removes_the_file(volunteer_client):
    before = database_state()
    token = token_of(upload(volunteer_client, "agenda.ods"))
    assert len(stored_uploads()) == 1
    response = volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "cancel": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("events_admin:import")
    assert database_state() == before
    assert stored_uploads() == []
    # The token is useless afterwards.
    assert volunteer_client.get(reverse("events_admin:preview") + f"?token={token}").status_code == 404


def test_forged_token_is_refused(volunteer_client):
    assert volunteer_client.get(reverse("events_admin:preview") + "?token=../../etc/passwd").status_code == 404
    response = volunteer_client.post(reverse("events_admin:confirm"), {"token": "x:y", "confirm": "1"})
    assert response.status_code == 404


def test_unusable_file_gets_one_clear_message_on_the_upload_page(volunteer_client):
    response = volunteer_client.get(upload(volunteer_client, "missing_date_column.csv")["Location"])
    html = response.content.decode()
    assert "Dit bestand kan niet worden gebruikt." in html
    assert "De kolom &#x27;Datum&#x27; ontbreekt" in html
    assert stored_uploads() == []


def test_rejected_rows_download_xlsx_and_csv(volunteer_client):
    token = token_of(upload(volunteer_client, "agenda_with_errors.xlsx"))
    url = reverse("events_admin:rejected") + f"?token={token}"
    response = volunteer_client.get(url + "&format=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "Probleem" and rows[0][1] == "Titel"
    assert len(rows) == 1 + 7  # only the invalid rows
    assert rows[1][-1] == "Titel: De titel ontbreekt."
    assert rows[2][1] == "Zonder datum"
    # The rejected file, once fixed, imports: it keeps the original headers.
    csv_response = volunteer_client.get(url + "&format=csv")
    text = csv_response.content.decode("utf-8-sig")
    assert text.splitlines()[0].endswith(";Probleem")
    assert "Rare tijd" in text


def test_template_download_has_dutch_headers_and_an_example_that_imports(volunteer_client):
    response = volunteer_client.get(reverse("events_admin:template"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Kenmerk", "Titel", "Datum", "Begintijd")
    assert len(rows) == 2
    report = importing.run_import(response.content, "sjabloon.xlsx", dry_run=True)
    assert report.exit_code == 0 and report.count("new") == 1


def test_undo_through_the_admin(volunteer_client):
    token = token_of(upload(volunteer_client, "agenda.ods"))
    volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "confirm": "1"})
    batch = ImportBatch.objects.latest("pk")
    assert volunteer_client.get(reverse("events_admin:undo", args=[batch.pk])).status_code == 200
    response = volunteer_client.post(reverse("events_admin:undo", args=[batch.pk]))
    assert response.status_code == 302
    assert not Event.objects.filter(import_batch=batch).exists()
    assert not Event.objects.filter(title="Landelijke dag").exists()
    batch.refresh_from_db()
    assert batch.status == "undone"


def test_big_files_run_as_a_task_with_a_progress_page(volunteer_client, monkeypatch):
    monkeypatch.setattr(background, "BACKGROUND_THRESHOLD", 2)
    token = token_of(upload(volunteer_client, "agenda.xlsx"))
    preview = volunteer_client.get(reverse("events_admin:preview") + f"?token={token}").content.decode()
    assert "op de achtergrond" in preview
    response = volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "confirm": "1"})
    batch = ImportBatch.objects.latest("pk")
    assert response["Location"] == reverse("events_admin:batch", args=[batch.pk])
    # The immediate backend (development and tests) has run the task already.
    assert batch.status == "done" and batch.created_count == 3 and batch.stored_file == ""
    assert stored_uploads() == []


def test_progress_page_refreshes_itself_while_running(volunteer_client, volunteer):
    batch = ImportBatch.objects.create(user=volunteer, file_name="groot.xlsx", total_rows=5000, status="running")
    html = volunteer_client.get(reverse("events_admin:batch", args=[batch.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert "<progress" in html and "De import loopt" in html


def test_export_neutralises_formulas(volunteer_client):
    EventFactory(
        title='=HYPERLINK("http://evil")',
        description="+31 6 1234",
        organiser="@los",
        address="-1e verdieping",
        city="Ede",
    )
    response = volunteer_client.get(reverse("events_admin:export") + "?format=csv")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+31 6 1234" in text and "'@los" in text and "'-1e" in text
    assert not re.search(r"(^|;)[=+@-]", text, re.MULTILINE)
    xlsx = volunteer_client.get(reverse("events_admin:export") + "?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    assert '\'=HYPERLINK("http://evil")' in values
    assert not any(value.startswith(("=", "+", "@", "-")) for value in values)
    # An export can be edited and imported again: the events come back unchanged.
    report = importing.run_import(xlsx.content, "export.xlsx", dry_run=True)
    assert report.exit_code == 0, report.lines()
    assert report.count("new") == 0 and report.count("changed") == 0


ADMIN_URLS = [
    ("get", "events_admin:import", []),
    ("get", "events_admin:template", []),
    ("get", "events_admin:history", []),
    ("get", "events_admin:export", []),
    ("post", "events_admin:confirm", []),
    ("get", "events_admin:rejected", []),
]


@pytest.mark.parametrize(("method", "name", "args"), ADMIN_URLS)
def test_users_without_agenda_permissions_are_refused(editor_client, method, name, args):
    response = getattr(editor_client, method)(reverse(name, args=args))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert reverse(name, args=args) not in response["Location"]


@pytest.mark.parametrize(("method", "name", "args"), ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_the_login(client, method, name, args):
    response = getattr(client, method)(reverse(name, args=args))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_editor_without_permission_cannot_undo_or_see_a_batch(editor_client):
    report = importing.run_import(fixture_bytes("agenda.ods"), "agenda.ods", dry_run=False)
    batch = report.batch
    assert editor_client.get(reverse("events_admin:batch", args=[batch.pk])).status_code in (302, 403)
    assert editor_client.post(reverse("events_admin:undo", args=[batch.pk])).status_code in (302, 403)
    batch.refresh_from_db()
    assert batch.status == "done"
    assert Event.objects.filter(import_batch=batch).count() == 3


def test_view_only_user_can_export_but_not_import(client, django_user_model):
    user = django_user_model.objects.create_user("lezer", password=PASSWORD)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_event")
    )
    client.force_login(user)
    assert client.get(reverse("events_admin:export") + "?format=csv").status_code == 200
    response = upload(client, "agenda.ods")
    assert response.status_code in (302, 403) and "voorbeeld" not in response.get("Location", "")
    assert stored_uploads() == []


def test_confirming_the_same_upload_twice_imports_it_once(volunteer_client):
    """A double click on "Importeren" (or the back button and a second click): one import, one event per row."""
    token = token_of(upload(volunteer_client, "agenda.xlsx"))
    before = Event.objects.count()
    first = volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "confirm": "1"})
    second = volunteer_client.post(reverse("events_admin:confirm"), {"token": token, "confirm": "1"})
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]  # both show the one import
    assert Event.objects.count() == before + 3
    assert ImportBatch.objects.filter(file_name="agenda.xlsx").count() == 1


def test_the_event_form_refuses_a_kenmerk_another_event_has(admin_client):
    """The unique Kenmerk per language is a clear message in the editor, never an error page."""
    EventFactory(external_id="LOS-7")
    response = admin_client.post(
        reverse("wagtailsnippets_events_event:add"),
        {
            "title": "Tweede",
            "start": "2030-05-01 19:30",
            "external_id": "los-7",
            "language": "nl",
            "published": "on",
        },
    )
    assert response.status_code == 200
    assert "Er is al een activiteit met dit kenmerk." in response.content.decode()
    assert Event.objects.filter(external_id__iexact="los-7").count() == 1


def test_an_all_day_event_saved_in_the_admin_includes_its_last_day(admin_client):
    """Entered with its end at 00:00 of the last day, as the date widget offers it: it runs through that day."""
    response = admin_client.post(
        reverse("wagtailsnippets_events_event:add"),
        {
            "title": "Festival",
            "start": "2030-06-10 10:00",
            "end": "2030-06-12 00:00",
            "all_day": "on",
            "language": "nl",
            "published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    event = Event.objects.get(title="Festival")
    assert (event.local_start.day, event.local_start.hour) == (10, 0)
    assert (event.local_end.day, event.local_end.hour, event.local_end.minute) == (12, 23, 59)
