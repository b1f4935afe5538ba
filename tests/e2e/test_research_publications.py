"""A researcher filters the publications by theme, opens one, and downloads its PDF and BibTeX reference."""

from __future__ import annotations

import re

import bibtexparser
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .page_editor import open_more_actions

pytestmark = pytest.mark.e2e


def test_visitor_filters_opens_and_downloads(page: Page, live_site: str, tmp_path):
    requested_hosts: set[str] = set()
    page.on("request", lambda request: requested_hosts.add(re.sub(r"^https?://([^/]+).*", r"\1", request.url)))

    page.goto(live_site + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Publicaties").click()
    expect(page.get_by_role("heading", level=1, name="Publicaties")).to_be_visible()

    page.get_by_label("Thema").select_option(label="Controle en detentie")
    page.get_by_label("Soort").select_option(label="rapport")
    page.get_by_role("button", name="Toon publicaties").click()
    expect(page).to_have_url(re.compile(r"thema=controle-en-detentie"))
    results = page.locator(".publication-card__title")
    expect(results).to_have_count(2)  # the 2015 report and the hotline's 2026 report
    expect(page.get_by_role("status")).to_have_text("2 publicaties")

    results.get_by_role("link", name="Medische zorg in vreemdelingendetentie").click()
    expect(page.get_by_role("heading", level=1, name="Medische zorg in vreemdelingendetentie")).to_be_visible()
    expect(page.get_by_role("navigation", name="Inhoud")).to_be_visible()

    with page.expect_download() as pdf_info:
        page.get_by_role("link", name=re.compile("Download de PDF")).click()
    assert pdf_info.value.failure() is None
    pdf_path = tmp_path / pdf_info.value.suggested_filename
    pdf_info.value.save_as(pdf_path)
    assert pdf_path.suffix == ".pdf"
    assert len(PdfReader(pdf_path).pages) == 12

    with page.expect_download() as bib_info:
        page.get_by_role("link", name=re.compile("BibTeX")).click()
    assert bib_info.value.suggested_filename == "medische-zorg-in-vreemdelingendetentie.bib"
    bib_path = tmp_path / "citation.bib"
    bib_info.value.save_as(bib_path)
    library = bibtexparser.parse_string(bib_path.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert library.entries[0].fields_dict["title"].value == "{Medische zorg in vreemdelingendetentie}"

    # Everything came from our own server.
    assert requested_hosts == {live_site.removeprefix("http://")}


def test_an_intern_writes_a_publication_with_its_authors_and_submits_it(staff_page, live_site: str):
    """The Stagiairs (the least-privileged group that adds publications, editors/roles.py) add a report under
    Publicaties with two authors in their order ("Voeg auteur toe") and submit it to the Eindredactie: not live."""
    from research.models import PublicationIndexPage

    title = "Stagiair schrijft: zorg na detentie"
    index = PublicationIndexPage.objects.get(locale__language_code="nl")
    intern = staff_page("Stagiairs", f"/admin/pages/add/research/publicationpage/{index.pk}/")
    intern.locator("#id_title").fill(title)
    intern.locator("#id_publication_date").fill("2026-11-30")
    intern.locator("#id_summary").fill("Wat er gebeurt met mensen na detentie, en wat gemeenten kunnen doen.")
    for number, (name, family_name) in enumerate((("Noor", "Bakker"), ("Sam", "de Vries"))):
        intern.get_by_role("button", name="Voeg auteur toe").click()
        intern.locator(f"#id_authors-{number}-name").fill(name)
        intern.locator(f"#id_authors-{number}-family_name").fill(family_name)
    expect(intern.get_by_role("heading", name="Auteur 2")).to_be_visible()  # each item's heading: its label
    open_more_actions(intern)
    expect(intern.get_by_role("button", name="Publiceren")).to_have_count(0)
    intern.get_by_role("button", name="Stuur door naar Goedkeuring eindredactie").click()
    expect(intern.get_by_text(f"Pagina '{title}' aangemaakt en ingediend voor controle.").first).to_be_visible()
    assert title not in intern.request.get(live_site + "/publicaties/").text()
