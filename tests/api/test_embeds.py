"""Embeds for partner sites, and the admin page that makes their code (a permission test per group)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from editors.roles import ROLES
from events.models import Event

pytestmark = pytest.mark.django_db


def test_agenda_embed_lists_upcoming_events_with_calendar_links(client):
    response = client.get("/embed/agenda/?limit=3")
    assert response.status_code == 200
    html = response.content.decode()
    first = Event.objects.published().upcoming().order_by("start", "pk").first()
    assert first.title in html
    assert 'href="webcal://' in html and "/agenda/ical/" in html
    assert "<script" not in html
    assert not response.cookies
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response


def test_agenda_embed_keeps_city_and_theme_in_the_subscription(client):
    html = client.get("/embed/agenda/?city=Utrecht&theme=basisrechten").content.decode()
    assert "plaats=Utrecht" in html and "thema=basisrechten" in html


def test_news_embed_in_english_links_to_the_site(client):
    html = client.get("/embed/nieuws/?locale=en&limit=2").content.decode()
    assert 'lang="en"' in html and "/en/news/" in html and 'target="_blank"' in html


@pytest.mark.parametrize("query", ["limit=abc", "limit=99999999999999999999", "locale=xx", "city=" + "x" * 5000])
def test_embed_options_that_make_no_sense_fall_back_to_defaults(client, query):
    assert client.get(f"/embed/agenda/?{query}").status_code == 200


@pytest.mark.parametrize("query", ["limit=%00", "theme=%00"])
def test_unusable_bytes_in_embed_options_are_a_400(client, query):
    # security/: NUL and other unusable bytes answer 400 anywhere, before any view runs.
    assert client.get(f"/embed/agenda/?{query}").status_code == 400


def test_unknown_embed_is_a_404_and_posting_is_refused(client):
    assert client.get("/embed/geheim/").status_code == 404
    assert client.post("/embed/agenda/").status_code == 405


@pytest.mark.parametrize("role", [role.name for role in ROLES])
def test_every_staff_group_with_admin_access_may_make_embed_code(login, role):
    client = login(role)
    response = client.get(reverse("embed_generator") + "?kind=agenda&locale=nl&theme=&city=Utrecht&limit=5")
    role_def = next(r for r in ROLES if r.name == role)
    if "wagtailadmin.access_admin" in role_def.permissions:
        assert response.status_code == 200
        assert "&lt;iframe src=&quot;http://testserver/embed/agenda/?" in response.content.decode()
    else:
        assert response.status_code in (302, 403)


def test_anonymous_visitors_cannot_open_the_generator(client):
    response = client.get(reverse("embed_generator"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_generator_refuses_bad_input_with_a_message(login):
    client = login("Redactie")
    response = client.get(reverse("embed_generator") + "?kind=geheim&locale=nl&limit=500")
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-message" in html and "&lt;iframe" not in html
