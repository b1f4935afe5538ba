"""The LOS home page asks visitors to act (issue 21): sign the newest campaign, come to the next meeting, read the
newest report; the themes lead to their news."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_home_page_asks_lead_to_the_newest_campaign_event_and_report(client):
    html = client.get("/").content.decode()
    asks = html.split('class="container section asks"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<li class="ask ask--(\w+)">', asks) == ["campaign", "event", "publication"]
    assert 'href="/campagnes/zorg-in-detentie/"' in asks
    assert 'href="/agenda/' in asks
    assert "Jaarrapport Meldpunt Vreemdelingendetentie 2026" in asks


def test_themes_are_entry_points_to_their_news(client):
    html = client.get("/").content.decode()
    themes = html.split('id="themes-heading"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/nieuws/?theme=basisrechten">Basisrechten</a>' in themes
    assert client.get("/nieuws/", {"theme": "basisrechten"}).status_code == 200


def test_english_home_page_asks_in_english(client):
    html = client.get("/en/").content.decode()
    assert "Get involved" in html or 'class="container section asks"' not in html
