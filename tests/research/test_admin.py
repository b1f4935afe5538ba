"""Editors can open the research forms in the admin: a new publication, a funder and the footer settings."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("redacteur", "redacteur@example.org", "lang-genoeg-wachtwoord")
    client.force_login(user)
    return client


def test_publication_forms_open(editor_client, publication_index, report):
    response = editor_client.get(f"/admin/pages/add/research/publicationpage/{publication_index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Auteurs", "Klankbordgroep", "Verwante publicaties", "ORCID iD", "DOI", "Hoofdstuk"):
        assert label in html
    assert editor_client.get(f"/admin/pages/{report.pk}/edit/").status_code == 200


def test_funder_forms_open(editor_client, main_site):
    assert editor_client.get("/admin/snippets/research/funder/").status_code == 200
    response = editor_client.get("/admin/snippets/research/funder/add/")
    assert response.status_code == 200
    assert "verplichte vermelding" in response.content.decode().lower()
    # Issue 16: the footer is chosen on the funder itself; the separate setting is gone.
    assert "Toon in de voettekst" in response.content.decode()
    assert editor_client.get(f"/admin/settings/research/fundersettings/{main_site.pk}/").status_code == 404
