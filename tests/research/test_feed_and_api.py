"""The RSS feed carries the PDFs as enclosures; API v2 exposes publications with nested funders, and funders."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db


def test_rss_feed_has_pdf_enclosures(client, report):
    response = client.get("/publicaties/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items][0] == "Jaarrapport Meldpunt Vreemdelingendetentie 2026"
    by_title = {item.findtext("title"): item for item in items}
    enclosure = by_title[report.title].find("enclosure")
    assert enclosure.get("type") == "application/pdf"
    assert enclosure.get("url") == "http://testserver" + report.pdf.url
    assert int(enclosure.get("length")) == report.pdf.file_size > 0
    assert by_title[report.title].findtext("link").endswith("/publicaties/medische-zorg-in-vreemdelingendetentie/")


def test_listing_and_publication_link_the_feed(client):
    html = client.get("/publicaties/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html and 'href="/publicaties/feed/"' in html


def test_api_exposes_publication_fields_and_nested_funders(client, article):
    response = client.get(
        "/api/v2/pages/?type=research.PublicationPage&fields=publication_type,publication_date,authors,doi,"
        "journal,funders,pdf_page_count,themes&slug=rechtspositie-tijdens-uitzetting"
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["publication_type"] == "article"
    assert item["publication_date"] == "2015-10-01"
    assert item["doi"] == "10.5555/los-demo.2015.008"
    assert item["pdf_page_count"] == 8
    assert [a["name"] for a in item["authors"]] == ["Marieke van den Berg", "Anna de Vries"]
    assert item["authors"][0]["orcid"] == "0000-0002-1825-0097"
    funder = item["funders"][0]
    assert funder["name"] == "Europees Fonds voor Basisrechten"
    assert funder["acknowledgement"].startswith("Dit onderzoek is gefinancierd")
    assert funder["logo"]["url"].endswith(".png") and funder["logo"]["width"] <= 160


def test_api_funders_endpoint(client):
    response = client.get("/api/v2/funders/?fields=acknowledgement,logo&limit=20")
    assert response.status_code == 200
    data = response.json()
    names = [item["name"] for item in data["items"]]
    assert "Fonds Menswaardig Bestaan" in names and "Stichting Open Deur" in names
    first = data["items"][0]
    assert first["language"] == "nl"
    assert first["acknowledgement"]
    assert first["logo"]["url"].startswith("/media/") or first["logo"]["url"].startswith("http")
    detail = client.get(f"/api/v2/funders/{first['id']}/")
    assert detail.status_code == 200 and detail.json()["name"] == first["name"]
    assert client.get("/api/v2/funders/?locale=en").json()["meta"]["total_count"] == 0
