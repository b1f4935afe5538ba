"""A visitor searches from the header, narrows the results with a facet, and opens a result; the header
box offers suggestions while typing (progressive enhancement)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_editors_dutch import english_words

pytestmark = pytest.mark.e2e


def test_search_filter_and_open_a_result(page: Page, live_site: str):
    requested_hosts: set[str] = set()
    page.on("request", lambda request: requested_hosts.add(re.sub(r"^https?://([^/]+).*", r"\1", request.url)))
    page.goto(live_site + "/")
    page.get_by_role("combobox", name="Zoeken op de website").fill("zorg")
    page.get_by_role("combobox", name="Zoeken op de website").press("Enter")

    expect(page).to_have_url(re.compile(r"/zoeken/\?q=zorg"))
    expect(page.get_by_role("heading", level=1, name="Zoeken")).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d+ resultaten"))).to_be_visible()
    expect(page.locator(".result-list__excerpt mark").first).to_have_text(re.compile("zorg", re.I))

    page.get_by_role("group", name="Jaar").get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page).to_have_url(re.compile(r"year=\d{4}"))
    expect(page.get_by_role("group", name="Jaar").get_by_role("checkbox").first).to_be_checked()

    page.get_by_role("link", name="Medische zorg voor ongedocumenteerden").click()
    expect(page.get_by_role("heading", level=1, name="Medische zorg voor ongedocumenteerden")).to_be_visible()
    assert requested_hosts == {live_site.removeprefix("http://")}


def test_header_suggestions(page: Page, live_site: str):
    page.goto(live_site + "/over-los/")
    box = page.get_by_role("combobox", name="Zoeken op de website")
    box.fill("medi")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option", name=re.compile("Medische zorg voor ongedocumenteerden"))).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    target = first.get_by_role("link").get_attribute("href")
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))


def test_search_page_works_without_javascript(browser, live_site: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + "/zoeken/?q=opvang&sort=date")
    expect(page.get_by_text(re.compile(r"\d+ resulta"))).to_be_visible()
    page.goto(live_site + "/zoeken/?q=opvnag")
    expect(page.get_by_text("Bedoel je:")).to_be_visible()
    context.close()


def test_the_redactie_promotes_a_page_and_visitors_find_it_first(staff_page, page: Page, live_site: str):
    """Zoeken › Uitgelichte zoekresultaten: for a search that finds nothing useful ("vrijwilliger worden"), the
    Redactie puts "Over LOS" on top, chosen in the page chooser; a visitor's search shows it under "Aanbevolen"."""
    query = "vrijwilliger worden"
    editor = staff_page("Redactie", "/admin/searchpicks/add/")
    editor.get_by_label("Zoekterm(en)/uitdrukking").fill(query)
    editor.get_by_role("button", name="Voeg een uitgelicht resultaat toe").click()
    # The form is Dutch, down to the field Wagtail declares without a label (editors/admin_dutch.py).
    expect(editor.get_by_text("Tekst van de externe link").first).to_be_visible()
    assert english_words(editor) == set()
    editor.get_by_role("button", name="Kies een pagina").first.click()
    chooser = editor.locator(".modal-dialog")
    chooser.get_by_role("textbox", name="Zoekterm").fill("Over LOS")
    chooser.get_by_role("link", name="Over LOS", exact=True).first.click()
    expect(chooser).to_have_count(0)
    editor.get_by_role("button", name="Toevoegen").click()
    expect(editor.locator(".messages")).to_contain_text(query)

    page.goto(f"{live_site}/zoeken/?q=vrijwilliger+worden")
    promoted = page.get_by_role("region", name="Aanbevolen")
    expect(promoted.get_by_role("link", name="Over LOS")).to_be_visible()
