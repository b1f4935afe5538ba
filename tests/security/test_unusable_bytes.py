"""NUL and other unusable bytes answer 400 anywhere (issue 17: NUL in `search`, `locale`, `site`, `html_path` and
other API parameters answered 500 on PostgreSQL). One middleware, security/bad_input.py; run on PostgreSQL."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

API_PARAMETERS = ["search", "locale", "site", "html_path", "type", "fields", "order", "child_of", "descendant_of"]


@pytest.mark.parametrize("name", API_PARAMETERS)
@pytest.mark.parametrize("value", ["zorg\x00", "\x00", "a\x01b", "\x1b[31m"])
def test_api_parameters_with_control_bytes_answer_400(client, name, value):
    response = client.get("/api/v2/pages/", {name: value})
    assert response.status_code == 400
    assert "tekens" in response.json()["message"]


@pytest.mark.parametrize(
    "path",
    ["/api/v2/pages/find/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/search/", "/zoeken/", "/nieuws/"],
)
def test_every_url_refuses_nul_in_a_parameter_name_or_value(client, path):
    assert client.get(path, {"q": "a\x00"}).status_code == 400
    assert client.get(f"{path}?x%00=1").status_code == 400


def test_nul_in_the_path_a_cookie_or_a_posted_form(client, petition_url):
    assert client.get("/nieuws/%00/").status_code == 400
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/").status_code == 400
    client.cookies.clear()
    response = client.post(petition_url, {"naam": "Fa\x00tima", "privacy_consent": "on"})
    assert response.status_code == 400


def test_query_strings_that_are_not_utf8_answer_400_in_the_visitor_s_language(client):
    response = client.get("/en/news/", QUERY_STRING="q=%ff%fe")
    assert response.status_code == 400
    assert "characters" in response.content.decode()


def test_ordinary_input_is_untouched(client):
    assert client.get("/zoeken/", {"q": "zorg\tin\ndetentie café 🏠"}).status_code == 200
    assert client.get("/api/v2/pages/", {"search": "zorg"}).status_code == 200


@pytest.fixture
def petition_url(db) -> str:
    from campaigns.models import SignupFormPage

    return f"/aanmelden/{SignupFormPage.objects.get(slug='petitie').pk}/"
