"""Headers on every response: CSP (strict on public pages, its own policy in the admin), frame-ancestors,
X-Content-Type-Options, Referrer-Policy (no-referrer on the microsite), Permissions-Policy; security.txt."""

from __future__ import annotations

import datetime

import pytest

from demo import MICROSITE_HOSTNAME

from .conftest import MAIN_SITE_PATHS, MICROSITE_PATHS

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def assert_public_headers(response, referrer: str):
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    policy = directives(csp)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == referrer
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.parametrize("path", MAIN_SITE_PATHS)
def test_main_site_pages_send_the_strict_headers(client, path):
    assert_public_headers(client.get(path), referrer="same-origin")


def test_event_detail_sends_the_strict_headers(client, event_url):
    assert_public_headers(client.get(event_url), referrer="same-origin")


@pytest.mark.parametrize("path", MICROSITE_PATHS)
def test_microsite_sends_no_referrer(client, microsite, path):
    assert_public_headers(client.get(path, HTTP_HOST=MICROSITE_HOSTNAME), referrer="no-referrer")


def test_json_and_feeds_carry_headers_too(client):
    for path in ("/api/v2/pages/", "/api/v2/search/?q=zorg", "/nieuws/feed/rss/", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_admin_gets_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    # Wagtail's admin renders inline scripts and style attributes; it still loads nothing from other hosts
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]  # page previews are shown in a same-origin iframe
    assert policy["object-src"] == ["'none'"]
    assert all(source in {"'self'", "data:", "blob:", "'unsafe-inline'"} for source in policy["img-src"])


def test_admin_login_page_has_headers(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_security_txt_follows_rfc_9116(client, settings):
    settings.LOS_SECURITY_CONTACTS = ["mailto:security@example.org", "https://example.org/melden"]
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        name, _, value = line.partition(": ")
        fields.setdefault(name, []).append(value)
    assert fields["Contact"] == ["mailto:security@example.org", "https://example.org/melden"]
    expires = datetime.datetime.fromisoformat(fields["Expires"][0].replace("Z", "+00:00"))
    now = datetime.datetime.now(datetime.UTC)
    assert now + datetime.timedelta(days=30) < expires < now + datetime.timedelta(days=365)  # RFC: under a year
    assert fields["Preferred-Languages"] == ["nl, en"]
    assert fields["Canonical"][0].endswith("/.well-known/security.txt")
    assert "unsafe-inline" not in response["Content-Security-Policy"]
