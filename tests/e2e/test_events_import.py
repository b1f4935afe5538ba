"""A volunteer imports the agenda from a spreadsheet, end to end in headless Chromium against a real server.

The volunteer account is made the way an administrator makes one: in the Wagtail admin's user form, with the
"Vrijwilligers" group ticked (the server runs in its own process with its own database).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN_PASSWORD, ADMIN_USER
from tests.e2e.staff_login import log_in

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
VOLUNTEER, VOLUNTEER_PASSWORD = "e2e-vrijwilliger", "vrijwilliger-wachtwoord-2027"


def create_volunteer(browser, base: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    log_in(page, base, ADMIN_USER, ADMIN_PASSWORD)
    page.goto(base + "/admin/users/new/")
    page.locator("#id_username").fill(VOLUNTEER)
    page.locator("#id_email").fill("vrijwilliger@example.org")
    page.locator("#id_first_name").fill("Vera")
    page.locator("#id_last_name").fill("Vrijwilliger")
    page.locator("#id_password1").fill(VOLUNTEER_PASSWORD)
    page.locator("#id_password2").fill(VOLUNTEER_PASSWORD)
    group = page.get_by_label("Vrijwilligers", exact=True)
    if not group.is_visible():
        page.get_by_role("tab", name=re.compile("Rollen|Roles")).first.click()
    group.check()
    page.locator("form [type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/admin/users/"))
    context.close()


def test_volunteer_imports_fixes_and_finds_events(browser, live_site: str, tmp_path: Path):
    create_volunteer(browser, live_site)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    log_in(page, live_site, VOLUNTEER, VOLUNTEER_PASSWORD)

    page.goto(live_site + "/admin/agenda/importeren/")
    expect(page.get_by_role("heading", name="Agenda importeren")).to_be_visible()

    # A sheet with mistakes: the preview names them and offers nothing to import.
    page.get_by_label("Spreadsheet").set_input_files(str(FIXTURES / "agenda_with_errors.xlsx"))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_text("Rij 3, kolom Titel: De titel ontbreekt.")).to_be_visible()
    expect(page.get_by_text("Rij 7, kolom Eindtijd: Het einde ligt vóór het begin.")).to_be_visible()
    expect(page.get_by_role("button", name="Importeren")).to_have_count(0)

    # Download the rejected rows with what is wrong with each.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Afgekeurde rijen downloaden (Excel)").click()
    rejected = tmp_path / "afgekeurd.xlsx"
    download_info.value.save_as(rejected)
    rows = list(openpyxl.load_workbook(rejected).active.iter_rows(values_only=True))
    assert rows[0][-1] == "Probleem" and len(rows) == 8
    assert "De titel ontbreekt." in rows[1][-1]

    # Upload the fixed sheet, confirm, see the summary.
    page.get_by_role("link", name="Ander bestand kiezen").click()
    page.get_by_label("Spreadsheet").set_input_files(str(FIXTURES / "agenda_fixed.xlsx"))
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_text("8 nieuw, 0 gewijzigd")).to_be_visible()
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("Import klaar: 8 nieuw")).to_be_visible()
    expect(page.get_by_role("link", name="Deze import ongedaan maken")).to_be_visible()
    context.close()

    # The events are on the public agenda.
    visitor = browser.new_context()
    page = visitor.new_page()
    # The fixture's events are in June 2027: upcoming now, in the past view once that month is over.
    past = "&verleden=1" if timezone.localdate() > datetime.date(2027, 6, 30) else ""
    page.goto(live_site + f"/agenda/?plaats=Utrecht&maand=2027-06{past}")
    expect(page.get_by_label("Maand")).to_have_value("2027-06") if not past else None
    expect(page.get_by_role("link", name="Inloopochtend")).to_be_visible()
    page.get_by_role("link", name="Einde voor begin").click()
    expect(page.get_by_role("heading", level=1, name="Einde voor begin")).to_be_visible()
    expect(page.get_by_text("18:00 – 20:00")).to_be_visible()
    visitor.close()
