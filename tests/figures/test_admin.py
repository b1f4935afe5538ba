"""Coordinators see and change only their own shelter's figures; every figures admin view per group; the
quarter form refuses breakdowns that do not add up, with the reason; the client-list upload leaves no trace."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from editors import roles
from figures.models import QuarterFigures, Shelter
from tests.editors.conftest import login, make_user  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(login):  # noqa: F811
    client = login(roles.OPVANGCOORDINATOREN, "coordinator")
    Shelter.objects.get(city="Arnhem").coordinators.add(client.user)
    return client


def own_and_other():
    return Shelter.objects.get(city="Arnhem"), Shelter.objects.get(city="Nijmegen")


def form_data(**changes):
    data = {
        "year": 2027,
        "quarter": 1,
        "supported": 10,
        "intakes": 4,
        "departures": 5,
        "nationality__MA": 10,
        "gender__man": 10,
        "age__30-49": 10,
        "household__alleen": 10,
        "duration__1-3m": 5,
        "outcome__anders": 5,
    }
    return {**data, **changes}


def test_a_coordinator_sees_and_changes_only_their_own_shelter(coordinator):
    own, other = own_and_other()
    index = coordinator.get(reverse("figures_admin:index")).content.decode()
    assert own.name in index and other.name not in index
    theirs = other.figures.first()
    assert coordinator.get(reverse("figures_admin:edit", args=[other.pk, theirs.pk])).status_code == 404
    assert coordinator.post(reverse("figures_admin:add", args=[other.pk]), form_data()).status_code == 404
    assert coordinator.post(reverse("figures_admin:withdraw", args=[other.pk])).status_code == 404
    assert coordinator.get(reverse("figures_admin:clients", args=[other.pk])).status_code == 404
    # Their own shelter's figures through another shelter's URL: also not found.
    mine = own.figures.first()
    assert coordinator.get(reverse("figures_admin:edit", args=[other.pk, mine.pk])).status_code == 404
    response = coordinator.post(reverse("figures_admin:add", args=[own.pk]), form_data())
    assert response.status_code == 302
    assert own.figures.filter(year=2027, quarter=1).exists()
    assert coordinator.get(reverse("wagtailsnippets_figures_shelter:list")).status_code in (302, 403)


def test_breakdowns_that_do_not_add_up_are_refused_with_the_reason(coordinator):
    own, _other = own_and_other()
    response = coordinator.post(reverse("figures_admin:add", args=[own.pk]), form_data(**{"gender__man": 8}))
    assert response.status_code == 200
    assert "Gender telt op tot 8, maar ondersteunde mensen is 10." in response.content.decode()
    assert not own.figures.filter(year=2027).exists()


def test_a_correction_replaces_the_quarter_and_keeps_history(coordinator):
    own, _other = own_and_other()
    figures = own.figures.first()
    before = figures.supported
    data = form_data(year=figures.year, quarter=figures.quarter)
    assert coordinator.post(reverse("figures_admin:edit", args=[own.pk, figures.pk]), data).status_code == 302
    figures.refresh_from_db()
    assert figures.supported == 10 and figures.history.get().values["supported"] == before
    # The same quarter a second time is refused.
    response = coordinator.post(reverse("figures_admin:add", args=[own.pk]), data)
    assert response.status_code == 200 and "al cijfers ingevuld" in response.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"supported": -1},
        {"supported": "1e9"},
        {"gender__man": "\x00"},
        {"year": "２０２５"},
        {"quarter": 7},
        {"intakes": 99999999999999999999},
        {"nationality__MA": "<script>"},
    ],
)
def test_hostile_form_input_is_refused_without_writing(coordinator, changes):
    own, _other = own_and_other()
    count = QuarterFigures.objects.count()
    response = coordinator.post(reverse("figures_admin:add", args=[own.pk]), form_data(**changes))
    assert response.status_code == 200
    assert QuarterFigures.objects.count() == count


VIEWS = [
    ("figures_admin:index", lambda own, figures: [], "get"),
    ("figures_admin:add", lambda own, figures: [own.pk], "get"),
    ("figures_admin:edit", lambda own, figures: [own.pk, figures.pk], "get"),
    ("figures_admin:clients", lambda own, figures: [own.pk], "get"),
    ("figures_admin:withdraw", lambda own, figures: [own.pk], "post"),
    ("figures_import:start", lambda own, figures: [], "get"),
    ("figures_admin:import_template", lambda own, figures: [], "get"),
    ("wagtailsnippets_figures_shelter:list", lambda own, figures: [], "get"),
]
ALLOWED = {roles.EINDREDACTIE, roles.OPVANGCOORDINATOREN}


@pytest.mark.parametrize("group", [role.name for role in roles.ROLES])
@pytest.mark.parametrize(("name", "args", "method"), VIEWS)
def test_permission_per_group(login, group, name, args, method):  # noqa: F811
    client = login(group)
    own, _other = own_and_other()
    own.coordinators.add(client.user)
    response = getattr(client, method)(reverse(name, args=args(own, own.figures.first())))
    if group in ALLOWED and not (name.startswith("wagtailsnippets") and group != roles.EINDREDACTIE):
        assert response.status_code in (200, 302)
    else:
        assert response.status_code in (302, 403)
        assert not Shelter.objects.get(pk=own.pk).withdrawn


CANARY = "Canarypersoon-7f3c"


def client_list() -> bytes:
    rows = ["Nationaliteit;Gender;Geboortejaar;Startdatum;Einddatum;Uitkomst;Opmerking"]
    rows += [f"Syrië;man;1990;01-01-2027;15-02-2027;Contact verloren;{CANARY}"] * 3
    rows += [f"MA;v;1985;10-02-2027;;;{CANARY}"] * 6
    rows += ["Eritrea;vrouw;2010;01-12-2026;;;nog een rij"] * 2
    return "\n".join(rows).encode()


def files_containing(folder: Path, needle: bytes) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        try:
            if path.is_file() and needle in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


def test_the_client_list_upload_leaves_no_trace(coordinator, caplog, settings, tmp_path, monkeypatch):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1  # would spool to a temporary file under Django's default handlers
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # every temporary file of this process lands here
    own, _other = own_and_other()
    url = reverse("figures_admin:clients", args=[own.pk])
    caplog.set_level(logging.DEBUG)
    upload = SimpleUploadedFile(f"{CANARY}.csv", client_list(), content_type="text/csv")
    response = coordinator.post(url, {"year": 2027, "quarter": 1, "file": upload})
    page = response.content.decode()
    assert response.status_code == 200 and "Deze aantallen opslaan" in page
    assert CANARY not in page
    token = response.context["token"]
    # Confirmed as the browser sends that form: url-encoded (the test client's default, multipart, hid a 500).
    confirm = coordinator.post(url, urlencode({"counts": token}), content_type="application/x-www-form-urlencoded")
    assert confirm.status_code == 302
    figures = own.figures.get(year=2027, quarter=1)
    assert (figures.supported, figures.intakes, figures.departures) == (11, 9, 3)
    assert figures.breakdowns["nationality"] == {"SY": 3, "MA": 6, "ER": 2}
    # Nothing of the file anywhere: temporary folder, media, logs, database (every text column), session.
    assert list(tmp_path.iterdir()) == []
    assert not files_containing(Path(settings.MEDIA_ROOT), CANARY.encode())
    assert CANARY not in caplog.text
    assert not database_contains(CANARY) and not database_contains("Contact verloren")


def database_contains(text: str) -> bool:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            columns = [column.name for column in connection.introspection.get_table_description(cursor, table)]
            for column in columns:
                quoted_table, quoted_column = connection.ops.quote_name(table), connection.ops.quote_name(column)
                cursor.execute(
                    f"SELECT 1 FROM {quoted_table} WHERE CAST({quoted_column} AS TEXT) LIKE %s LIMIT 1",  # noqa: S608
                    [f"%{text}%"],
                )
                if cursor.fetchone():
                    return True
    return False


def test_an_oversized_client_list_is_refused_and_not_stored(coordinator):
    own, _other = own_and_other()
    big = SimpleUploadedFile("lijst.csv", b"Startdatum;Gender\n" + b"01-01-2027;man\n" * 200_000)
    response = coordinator.post(
        reverse("figures_admin:clients", args=[own.pk]), {"year": 2027, "quarter": 1, "file": big}
    )
    assert response.status_code == 200 and "2 MB" in response.content.decode()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02PK", b"Startdatum\n31-31-2027\n", "é".encode("cp1252") * 10])
def test_hostile_client_lists(coordinator, content):
    own, _other = own_and_other()
    count = QuarterFigures.objects.count()
    upload = SimpleUploadedFile("x.csv", content)
    response = coordinator.post(
        reverse("figures_admin:clients", args=[own.pk]), {"year": 2027, "quarter": 1, "file": upload}
    )
    assert response.status_code == 200
    assert QuarterFigures.objects.count() == count


@pytest.mark.parametrize("encoding", ["url-encoded", "multipart"])
@pytest.mark.parametrize(
    "token", ["forged", "x" * 1_000_000, "a:b:" + "c" * 43, '{"supported": 10**9}', "\u202e\ufeff"], ids=repr
)
def test_a_forged_count_token_is_refused_with_a_message(coordinator, encoding, token):
    """The confirm step as a browser posts it (url-encoded) and as a script might (multipart): a forged, huge or
    garbled token is refused with the Dutch message and nothing is stored."""
    own, _other = own_and_other()
    url = reverse("figures_admin:clients", args=[own.pk])
    if encoding == "url-encoded":
        body = urlencode({"counts": token})
        response = coordinator.post(url, body, content_type="application/x-www-form-urlencoded", follow=True)
    else:
        response = coordinator.post(url, {"counts": token}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "Deze telling is verlopen of ongeldig. Upload de lijst opnieuw." in response.content.decode()
    assert not own.figures.filter(year=2027).exists()


def test_unusable_bytes_in_the_confirm_step_answer_400_and_store_nothing(coordinator):
    own, _other = own_and_other()
    url = reverse("figures_admin:clients", args=[own.pk])
    response = coordinator.post(url, "counts=ab%00cd", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and not own.figures.filter(year=2027).exists()


def test_counts_signed_for_one_shelter_do_not_land_on_another(coordinator):
    """A valid token replayed on the address of a shelter the coordinator does not coordinate: 404, nothing saved."""
    own, other = own_and_other()
    upload = SimpleUploadedFile("lijst.csv", client_list(), content_type="text/csv")
    counted = coordinator.post(
        reverse("figures_admin:clients", args=[own.pk]), {"year": 2027, "quarter": 1, "file": upload}
    )
    body = urlencode({"counts": counted.context["token"]})
    response = coordinator.post(
        reverse("figures_admin:clients", args=[other.pk]), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 404 and not other.figures.filter(year=2027).exists()


def test_coordinators_are_chosen_among_the_coordinators_group(login, make_user):  # noqa: F811
    """The shelter form listed every account's user name to the Eindredactie; it offers the members of
    Opvangcoördinatoren (and whoever is linked already), and refuses anyone else."""
    coordinator = make_user(roles.OPVANGCOORDINATOREN, "coordinator")
    colleague = make_user(roles.REDACTIE, "redacteur")
    shelter = Shelter.objects.get(city="Arnhem")
    eindredactie = login(roles.EINDREDACTIE, "eindredacteur")
    url = reverse("wagtailsnippets_figures_shelter:edit", args=[shelter.pk])
    offered = eindredactie.get(url).context["form"].fields["coordinators"].queryset
    assert coordinator in offered
    assert colleague not in offered and eindredactie.user not in offered

    data = {
        "name": shelter.name,
        "organisation": shelter.organisation,
        "city": shelter.city,
        "region": shelter.region,
        "coordinators": [colleague.pk],
    }
    response = eindredactie.post(url, data)
    assert response.status_code == 200 and "coordinators" in response.context["form"].errors
    assert list(shelter.coordinators.all()) == []
    eindredactie.post(url, {**data, "coordinators": [coordinator.pk]})
    assert list(shelter.coordinators.all()) == [coordinator]


@pytest.mark.parametrize(
    "coordinators",
    [["abc"], ["1\x00"], ["9" * 40], ["-1"], ["1.5"], [str(2**63)], ["1"] * 5000, ["{'a': [1]}"]],
    ids=["text", "nul", "huge", "negative", "decimal", "bigint-overflow", "many", "nested"],
)
def test_hostile_coordinator_values_are_refused_with_a_message(login, coordinators):  # noqa: F811
    shelter = Shelter.objects.get(city="Arnhem")
    before = (shelter.name, list(shelter.coordinators.all()))
    eindredactie = login(roles.EINDREDACTIE, "eindredacteur")
    eindredactie.raise_request_exception = False
    data = {"name": "Gewijzigd", "organisation": shelter.organisation, "city": shelter.city, "region": shelter.region}
    response = eindredactie.post(
        reverse("wagtailsnippets_figures_shelter:edit", args=[shelter.pk]), {**data, "coordinators": coordinators}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["coordinators"]  # a message in the form, in Dutch
    shelter.refresh_from_db()
    assert (shelter.name, list(shelter.coordinators.all())) == before
