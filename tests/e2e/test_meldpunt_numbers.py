"""The Meldpunt's numbers from both sides: the intern imports the old register (production login with 2FA, the
least-privileged group that may: Meldpunt), sees names dropped in the preview, confirms; a visitor reads the
public figures on a 320 px phone without any count from 1 to 4 and without a cookie."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from spreadsheets.writers import write_xlsx

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e
# The words of the given elements that the browser broke over two lines (a word's range then has two boxes).
SPLIT_WORDS = """elements => elements.flatMap(element => [...element.textContent.matchAll(/\\S+/g)].flatMap(match => {
    const text = element.firstChild;
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    return range.getClientRects().length > 1 ? [match[0]] : [];
}))"""


def test_the_intern_imports_the_register_and_a_visitor_reads_the_numbers(browser, live_site, staff_page, tmp_path):
    sheet = tmp_path / "register.xlsx"
    sheet.write_bytes(
        write_xlsx(
            ["Datum", "Naam", "V-nummer", "Locatie", "Onderwerpen", "Omschrijving", "Status", "Afgesloten op"],
            [
                [
                    "03-02-2025",
                    "Fatima Test",
                    "V123456789",
                    "Detentiecentrum Rotterdam",
                    "medische zorg",
                    "Geen arts gezien.",
                    "",
                    "",
                ],
                [
                    "04-02-2025",
                    "",
                    "",
                    "Detentiecentrum Zeist",
                    "eten, isolatie",
                    "Te weinig eten.",
                    "afgesloten",
                    "20-03-2025",
                ],
            ],
            sheet_title="Register",
        )
    )
    page = staff_page("Meldpunt", "/admin/meldpunt-import/")
    page.locator("#id_file").set_input_files(str(sheet))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_text("Naam, V-nummer")).to_be_visible()
    expect(page.get_by_text("2 meldingen zijn klaar om te importeren.")).to_be_visible()
    expect(page.get_by_text("Fatima Test")).to_have_count(0)
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".messages")).to_contain_text("2 meldingen geïmporteerd.")
    expect(page.get_by_role("button", name="Ongedaan maken").first).to_be_visible()

    context = browser.new_context(viewport={"width": 320, "height": 700}, locale="nl-NL")
    visitor = context.new_page()
    visitor.goto(live_site + "/meldpunt/cijfers/?jaar=2025")
    expect(visitor.get_by_role("heading", name="Cijfers Meldpunt Vreemdelingendetentie", level=1)).to_be_visible()
    expect(visitor.get_by_role("heading", name="Meldingen per kwartaal")).to_be_visible()
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 320
    # Column headings wrap between words, never inside one ("Meldinge|n" in a squeezed table).
    headings = visitor.locator(".chart__table thead th")
    assert headings.count() and headings.evaluate_all(SPLIT_WORDS) == []
    tables = visitor.locator(".chart__table")
    assert tables.evaluate_all("ws => ws.every(w => w.scrollWidth <= w.clientWidth)")  # no sideways scrolling
    # Long location names ("... overige locaties (elk minder dan 10 meldingen)") wrap inside the drawing.
    label_edges = visitor.locator(".chart__label").evaluate_all("ls => ls.map(l => l.getBoundingClientRect().right)")
    assert label_edges and max(label_edges) <= 320
    numbers = visitor.locator(".chart__number").all_inner_texts()
    assert numbers and not [n for n in numbers if re.fullmatch(r"[1-4]", n.strip())]
    assert not context.cookies()
    keep_screenshot(visitor, "meldpunt-numbers/public-320.png", full_page=True)
    keep_screenshot(page, "meldpunt-numbers/import-done.png", full_page=True)
    context.close()


def test_the_eindredactie_reads_the_counts_on_the_dashboard_but_no_report(staff_page, live_site):
    """The Eindredactie holds only `meldpunt.view_counts`: the dashboard shows the protected yearly counts (no
    count from 1 to 4), the menu has no Meldpunt and the reports stay shut."""
    page = staff_page("Eindredactie", "/admin/")
    panel = page.locator("#los-meldpunt-counts-section")
    expect(panel.get_by_role("heading", name="Meldpunt: aantallen")).to_be_visible()
    cells = panel.locator("tbody td").all_inner_texts()
    assert cells and not [cell for cell in cells if re.fullmatch(r"[1-4]", cell.strip())]
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("button", name="Meldpunt")).to_have_count(0)
    assert page.request.get(live_site + "/admin/meldpunt/meldingen/", max_redirects=0).status in (302, 403)
