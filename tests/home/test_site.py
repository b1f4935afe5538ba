"""Whole-site contracts: demo content, hostnames, the API, privacy, bad input and settings."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import Theme

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/",
    "/over-los/",
    "/over-los/contact/",
    "/helpdesk/medische-zorg/",
    "/en/",
    "/zoeken/?q=zorg",
]


def test_seed_demo_is_idempotent():
    counts = (Page.objects.count(), Site.objects.count(), Theme.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Page.objects.count(), Site.objects.count(), Theme.objects.count()) == counts


def test_three_themes_exist():
    assert list(Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True)) == [
        "basisrechten",
        "routes-naar-verblijf",
        "controle-en-detentie",
    ]


def test_hostname_selects_the_site(client):
    main = client.get("/", HTTP_HOST="localhost:8000").content.decode()
    micro = client.get("/", HTTP_HOST="ilegalevrouw.localhost:8000").content.decode()
    assert "Stichting LOS" in main and "iLegalevrouw" not in main.split("<main")[1]
    assert "iLegalevrouw" in micro
    assert main != micro


def test_api_lists_demo_pages_with_fields(client):
    response = client.get("/api/v2/pages/?type=home.ContentPage&fields=intro,last_checked&limit=50")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    titles = {item["title"] for item in response.json()["items"]}
    assert {"Over LOS", "Helpdesk", "Medische zorg voor ongedocumenteerden"} <= titles
    item = response.json()["items"][0]
    assert "intro" in item and "last_checked" in item
    home = client.get("/api/v2/pages/?type=home.HomePage&fields=intro").json()
    assert home["meta"]["total_count"] >= 1


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_load_nothing_from_other_hosts_and_set_no_cookies(client, path):
    """Each page rendered once for both promises to an anonymous visitor."""
    response = client.get(path)
    html = response.content.decode()
    # Anything the browser fetches by itself: src, srcset, poster, data, stylesheet/preload/icon links.
    fetched = re.findall(r'(?:src|srcset|poster|data)="([^"]+)"', html)
    # rel="alternate" (hreflang, feeds) is not fetched by the browser; hreflang must be absolute.
    fetched += re.findall(r'<link(?![^>]*rel="alternate")[^>]+href="([^"]+)"', html)
    external = [url for url in fetched if re.match(r"^(https?:)?//", url)]
    assert external == []
    assert response.cookies == {} or all(not morsel.value for morsel in response.cookies.values())


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=99999999",
        "?q=%00zorg",
        "?q=" + "a" * 5000,
        "?q=%22%27()%20AND%20OR%20*",
        "?q=%F0%9F%98%80",
    ],
)
def test_search_survives_bad_input(client, query):
    response = client.get("/zoeken/" + query)
    # A NUL byte is refused before the search runs (security/bad_input.py); everything else is searched.
    assert response.status_code == (400 if "%00" in query else 200)


def test_search_finds_live_pages_in_current_language(client):
    html = client.get("/zoeken/?q=medische&type=page").content.decode()
    assert "Medische zorg voor ongedocumenteerden" in html
    english = client.get("/en/search/?q=helpdesk")
    assert english.status_code == 200
    assert 'href="/en/helpdesk/"' in english.content.decode()


def test_production_settings_refuse_to_start_without_secrets():
    from django.core.exceptions import ImproperlyConfigured

    from tests.settings_probe import load_settings

    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_settings("cms.settings.production")


def test_privacy_settings_for_editors(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False


def test_translations_compile_without_gettext_and_english_ui_is_complete(tmp_path, settings):
    """The English catalogue has a translation for every interface string, and compiles in pure Python."""
    import polib

    from multilingual.management.commands.compile_translations import catalogue_dirs

    catalogues = [path for d in catalogue_dirs() for path in d.glob("en/LC_MESSAGES/django.po")]
    assert catalogues
    for path in catalogues:
        catalogue = polib.pofile(str(path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries() if not entry.obsolete]
        assert untranslated == [], f"{path}: untranslated {untranslated[:5]}"
        assert catalogue.fuzzy_entries() == []
    call_command("compile_translations", verbosity=0)


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set by the e2e conftest
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-deploy-check-only-0123456789",
        "ALLOWED_HOSTS": "stichtinglos.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "EMAIL_URL": "smtp+tls://mail.internal:587",
        "REDIS_URL": "redis://cache.internal:6379/1",
        "MELDPUNT_ENCRYPTION_KEY": "kPYlZ7hM6l4a1mS0QyGZr3c0b0m6x1Xh2l2mJwF3b1k=",  # any Fernet key but the dev key
        "WAGTAILADMIN_BASE_URL": "https://www.stichtinglos.nl",  # production refuses a local or http address
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
