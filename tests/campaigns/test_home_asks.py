"""The LOS home page asks visitors to act (issue 21): sign the newest campaign, come to the next meeting, read the
newest report, support LOS (while the support page's editors leave it on); the themes lead to their news."""

from __future__ import annotations

import re

import pytest

from newsletter.models import SupportPage

pytestmark = pytest.mark.django_db


def _asks(client, path: str = "/") -> str:
    html = client.get(path).content.decode()
    return html.split('class="container section asks"', 1)[1].split("</section>", 1)[0]


def test_home_page_asks_lead_to_the_newest_campaign_event_report_and_support(client):
    asks = _asks(client)
    assert re.findall(r'<li class="ask ask--(\w+)">', asks) == ["campaign", "event", "publication", "support"]
    assert 'href="/campagnes/zorg-in-detentie/"' in asks
    assert 'href="/agenda/' in asks
    assert "Jaarrapport Meldpunt Vreemdelingendetentie 2026" in asks
    assert 'href="/steun-los/"' in asks and "Doe een gift" in asks


def test_editors_switch_the_support_ask_off_on_the_support_page(client, home_page):
    support = SupportPage.objects.child_of(home_page).get()
    support.home_page_ask = False
    support.save_revision().publish()
    asks = _asks(client)
    assert "ask--support" not in asks and "ask--campaign" in asks


def test_each_language_asks_for_support_with_its_own_page(client):
    asks = _asks(client, "/en/")
    assert 'href="/en/support-los/"' in asks and "Support LOS" in asks and "Make a gift" in asks


def test_themes_are_entry_points_to_their_news(client):
    html = client.get("/").content.decode()
    themes = html.split('id="themes-heading"', 1)[1].split("</section>", 1)[0]
    assert '<a href="/nieuws/?theme=basisrechten">Basisrechten</a>' in themes
    assert client.get("/nieuws/", {"theme": "basisrechten"}).status_code == 200


def test_english_home_page_asks_in_english(client):
    html = client.get("/en/").content.decode()
    assert "Get involved" in html or 'class="container section asks"' not in html
