"""The Eindredactie imports the old subscriber list (production login with 2FA, Dutch browser): a spreadsheet with
a valid row, an invalid address, a repeated address and a row without consent; the preview says which rows are
skipped and why, the import counts what it did, and undo takes it back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from spreadsheets.writers import write_xlsx

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e


def test_the_eindredactie_imports_the_old_list_and_undoes_it(live_site, staff_page, tmp_path):
    sheet = tmp_path / "oude-lijst.xlsx"
    sheet.write_bytes(
        write_xlsx(
            ["Naam", "E-mailadres", "Lijsten", "Taal", "Toestemming"],
            [
                ["Anna", "anna.import@example.org", "LOS nieuws", "nl", "12-03-2019"],
                ["Bas", "bas.import@", "LOS nieuws", "", "ja"],
                ["Anna weer", "Anna.Import@example.org", "iLegalevrouw", "", "ja"],
                ["Cor", "cor.import@example.org", "LOS nieuws", "", "nee"],
            ],
            sheet_title="Abonnees",
        )
    )
    page = staff_page("Eindredactie", "/admin/snippets/newsletter/subscriber/")
    page.get_by_role("link", name="Oude lijst importeren").click()
    page.locator("#id_file").set_input_files(str(sheet))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_text("1 adres wordt geïmporteerd als bevestigde abonnee.")).to_be_visible()
    expect(page.get_by_text("3 rijen worden overgeslagen")).to_be_visible()
    expect(page.get_by_role("cell", name="overgeslagen: ongeldig e-mailadres")).to_be_visible()
    expect(page.get_by_role("cell", name="overgeslagen: dit adres staat ook in rij 2")).to_be_visible()
    expect(page.get_by_role("cell", name="overgeslagen: geen toestemming")).to_be_visible()
    expect(page.get_by_text("Deze kolommen zijn genegeerd en nergens opgeslagen: Naam")).to_be_visible()
    keep_screenshot(page, "newsletter-import/preview.png", full_page=True)
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".messages")).to_contain_text(
        "1 adres geïmporteerd als bevestigde abonnee. 3 rijen overgeslagen."
    )
    expect(page.get_by_text("1 adres geïmporteerd, 3 rijen overgeslagen")).to_be_visible()
    keep_screenshot(page, "newsletter-import/imported.png", full_page=True)
    page.get_by_role("button", name="Ongedaan maken").first.click()
    expect(page.locator(".messages")).to_contain_text("De import is ongedaan gemaakt: 1 adres verwijderd.")
    expect(page.get_by_text("ongedaan gemaakt (1 verwijderd, 0 gebleven)")).to_be_visible()
    keep_screenshot(page, "newsletter-import/undone.png", full_page=True)
