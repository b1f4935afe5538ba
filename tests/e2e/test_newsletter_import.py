"""The old subscriber list imported as the Eindredactie does it (production login with 2FA, a Dutch browser; the
only group that may): from the subscribers' listing to the shared import page, a preview that names the file
and the row that cannot be imported, a cancel that keeps nothing, the import, and its undo."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e

SHEET = (
    "Naam;E-mailadres;Lijsten;Toestemming\n"
    "Anna;anna-e2e@example.org;LOS nieuws;ja\n"
    "Bas;bas-e2e@example.org;LOS nieuws;nee\n"  # no consent: skipped
    "Carla;carla-e2e@example.org;LOS nieuws;ja\n"
)


def _preview(page, sheet):
    page.locator("#id_file").set_input_files(str(sheet))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", name="Voorbeeld van oude-lijst.csv")).to_be_visible()


def test_the_eindredactie_imports_the_old_list_cancels_imports_and_undoes(staff_page, tmp_path):
    sheet = tmp_path / "oude-lijst.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    page = staff_page("Eindredactie", "/admin/snippets/newsletter/subscriber/")
    page.get_by_role("link", name="Oude lijst importeren").click()
    expect(page.get_by_role("heading", name="Oude lijst met abonnees importeren")).to_be_visible()

    _preview(page, sheet)
    expect(page.get_by_text("anna-e2e@example.org")).to_be_visible()
    keep_screenshot(page, "staff/newsletter-import-preview.png", full_page=True)
    page.get_by_role("button", name="Annuleren").click()
    expect(page.locator(".messages")).to_contain_text("De import is geannuleerd")

    _preview(page, sheet)
    page.get_by_role("button", name="Importeren").click()
    imported = "2 adressen geïmporteerd als bevestigde abonnees. 1 rij overgeslagen."
    expect(page.locator(".messages")).to_contain_text(imported)
    expect(page.get_by_role("heading", name="Eerdere imports")).to_be_visible()
    import_page = page.url

    # Carla asks to be removed: the Eindredactie finds her address among the subscribers and deletes it.
    page.goto(page.url.split("/admin/")[0] + "/admin/snippets/newsletter/subscriber/?q=carla-e2e")
    page.get_by_role("button", name="Meer opties voor 'carla-e2e@example.org'").click()
    page.get_by_role("link", name="Verwijderen").click()
    page.get_by_role("button", name="Ja, verwijder").click()
    expect(page.locator(".messages")).to_contain_text("carla-e2e@example.org")
    page.goto(page.url.split("/admin/")[0] + "/admin/snippets/newsletter/subscriber/?q=carla-e2e")
    expect(page.get_by_text("Geen abonnees matchen met je zoekopdracht")).to_be_visible()

    page.goto(import_page)
    page.get_by_role("button", name="Ongedaan maken").first.click()
    expect(page.locator(".messages")).to_contain_text("De import is ongedaan gemaakt: 1 adres verwijderd.")
