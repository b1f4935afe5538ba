"""Every page type, in Dutch, English and Arabic, on both sites, is valid HTML by the Nu HTML Checker.

The checker is the W3C's vnu.jar from the npm package `vnu-jar` (installed into .venv/vnu by `make install`; Java
17 runs it). The pages are rendered by the test client exactly as visitors get them and checked in one run of the
checker. A missing checker is a failure, not a skip: CI runs `make install`, so it is always there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page, get_page_models

from events.models import Event, EventIndexPage

pytestmark = pytest.mark.django_db

VNU_JAR = Path(os.environ.get("VNU_JAR", Path(sys.prefix) / "vnu/node_modules/vnu-jar/build/dist/vnu.jar"))
LANGUAGES = ("nl", "en", "ar")
# One short run: the quick compiler only and one garbage collector thread cost less than half the CPU of the
# default (7.4 against 2.9 CPU-seconds for 46 pages); the checker's schema needs a deeper thread stack with the
# quick compiler (its own advice: at least 512k).
JAVA_OPTIONS = ("-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def _addresses() -> dict[str, tuple[str, str]]:
    """One live page of every page type in each language it exists in, an event and the search page:
    name -> (host, path)."""
    found = {}
    for model in get_page_models():
        if model is Page:
            continue
        for language in LANGUAGES:
            page = model.objects.live().public().filter(locale__language_code=language).first()
            parts = page.get_url_parts() if page else None
            if parts:
                _site, root_url, path = parts
                found[f"{model.__name__}-{language}"] = (urlsplit(root_url).hostname, path)
    agenda = EventIndexPage.objects.live().filter(locale__language_code="nl").first()
    event = Event.objects.published().first()
    if agenda and event:
        found["event-nl"] = (found["EventIndexPage-nl"][0], urlsplit(agenda.event_url(event)).path)
    found["search-nl"] = (found["HomePage-nl"][0], "/zoeken/?q=opvang")  # a view, not a page type
    found["search-en"] = (found["HomePage-nl"][0], "/en/search/?q=shelter")
    return found


def test_every_page_type_is_valid_html_in_dutch_english_and_arabic(client, tmp_path):
    assert VNU_JAR.exists(), f"The Nu HTML Checker is missing ({VNU_JAR}): run `make install`."
    addresses = _addresses()
    assert {"HomePage-nl", "HomePage-en", "MicrositeHomePage-ar", "NewsPage-nl", "EventIndexPage-nl"} <= set(addresses)
    files = {}
    for name, (host, path) in addresses.items():
        response = client.get(path, headers={"host": host})
        assert response.status_code == 200, (name, path, response.status_code)
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    result = subprocess.run(
        ["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')}]" for m in messages
    ]
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert errors == [], "\n".join(errors)
