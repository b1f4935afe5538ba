"""A shelter coordinator fills in a quarter on a phone, in production's login (2FA), as the least-privileged
group that does it (Opvangcoördinatoren); a breakdown that does not add up is refused with the reason first.
Then the next quarter comes in as a spreadsheet: preview, import and undo, on the shared import page; the one after
is counted from the shelter's client list; and the shelter stops taking part."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from editors.roles import EINDREDACTIE, OPVANGCOORDINATOREN
from figures.importing import COLUMN_NAMES

from .conftest import staff_username
from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e
PHONE = {"width": 360, "height": 740}


def test_a_coordinator_fills_in_a_quarter_on_a_phone(live_site, staff_page, tmp_path):
    # The Eindredactie (the group that manages shelters, editors/roles.py) links the coordinator to their shelter
    # in Opvangcijfers → Opvangen.
    staff = staff_page(EINDREDACTIE, "/admin/snippets/figures/shelter/")
    staff.get_by_role("link", name=re.compile("Opvang Arnhem")).first.click()
    staff.locator("#id_coordinators").select_option(label=staff_username(OPVANGCOORDINATOREN))
    staff.get_by_role("button", name=re.compile("Opslaan")).first.click()
    expect(staff.locator(".messages")).to_contain_text("Opvang Arnhem")

    page = staff_page(OPVANGCOORDINATOREN, "/admin/cijfers/", viewport=PHONE)
    expect(page.get_by_role("heading", name=re.compile("Opvang Arnhem"))).to_be_visible()
    expect(page.get_by_text("Noodopvang Nijmegen")).to_have_count(0)
    page.get_by_role("link", name="Kwartaal invullen").click()
    page.locator("#id_year").fill("2027")
    page.locator("#id_quarter").select_option("1")
    for name, value in (("supported", "12"), ("intakes", "5"), ("departures", "6")):
        page.locator(f"#id_{name}").fill(value)
    page.locator("#id_nationality__MA").fill("12")
    page.locator("#id_gender__man").fill("10")  # two short
    page.locator("#id_age__30-49").fill("12")
    page.locator("#id_household__alleen").fill("12")
    page.locator("#id_duration__1-3m").fill("6")
    page.locator("#id_outcome__anders").fill("6")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Gender telt op tot 10, maar ondersteunde mensen is 12.")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("#id_gender__vrouw").fill("2")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("2027 Q1")
    expect(page.get_by_role("link", name="2027 Q1")).to_be_visible()

    # The next quarter as a spreadsheet (a coordinator with several shelters sends one sheet for all of them).
    row = {"shelter": "Opvang Arnhem", "year": 2027, "quarter": 2, "supported": 8, "intakes": 3, "departures": 2}
    row |= {f"{name}:{key}": 8 for name, key in (("nationality", "MA"), ("gender", "vrouw"), ("age", "30-49"))}
    row |= {"household:alleen": 8, "duration:1-3m": 2, "outcome:anders": 2}
    sheet = tmp_path / "kwartaal.csv"
    sheet.write_text(
        "\n".join([";".join(COLUMN_NAMES.values()), ";".join(str(row.get(key, "")) for key in COLUMN_NAMES)]),
        encoding="utf-8",
    )
    page.goto(live_site + "/admin/cijfers/import/")
    expect(page.get_by_role("heading", name="Kwartaalcijfers importeren")).to_be_visible()
    page.locator("#id_file").set_input_files(str(sheet))
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("heading", name="Voorbeeld van kwartaal.csv")).to_be_visible()
    expect(page.get_by_role("cell", name="2027 Q2")).to_be_visible()  # the preview lists the row, as "nieuw"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    keep_screenshot(page, "staff/figures-import-preview-phone.png", full_page=True)
    page.get_by_role("button", name="Importeren").click()
    expect(page.locator(".messages")).to_contain_text("1 kwartaal geïmporteerd.")
    page.get_by_role("button", name="Ongedaan maken").first.click()
    expect(page.locator(".messages")).to_contain_text("De import is ongedaan gemaakt.")

    # The quarter after counted from the shelter's own anonymised client list: counted in memory, only the numbers
    # kept (tests/figures/test_admin.py checks that nothing of the file stays anywhere).
    clients = tmp_path / "clientenlijst.csv"
    rows = ["Nationaliteit;Gender;Geboortejaar;Startdatum;Einddatum;Uitkomst", *["Syrië;man;1990;01-07-2027;;"] * 4]
    clients.write_text("\n".join(rows), encoding="utf-8")
    page.goto(live_site + "/admin/cijfers/")
    page.get_by_role("link", name="Tellen uit clientenlijst").click()
    page.locator("#id_year").fill("2027")
    page.locator("#id_quarter").select_option("3")
    page.locator("#id_file").set_input_files(str(clients))
    page.get_by_role("button", name="Tellen", exact=True).click()
    expect(page.get_by_role("heading", name="Geteld voor 2027 Q3")).to_be_visible()
    expect(page.get_by_text("4 rijen gelezen.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="Deze aantallen opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De getelde cijfers voor 2027 Q3 zijn opgeslagen.")
    expect(page.get_by_role("link", name="2027 Q3")).to_be_visible()

    # The shelter stops taking part: behind a fold, so it is not pressed by accident.
    page.get_by_text("Stoppen met meedoen", exact=True).click()
    page.get_by_role("button", name="Ja, wij stoppen met meedoen").click()
    expect(page.locator(".messages")).to_contain_text("Opvang Arnhem doet niet meer mee.")
    expect(page.get_by_text(re.compile("Deze opvang doet sinds .* niet meer mee."))).to_be_visible()
    expect(page.get_by_role("link", name="Kwartaal invullen")).to_have_count(0)
