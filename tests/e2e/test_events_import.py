"""A volunteer imports the agenda from a spreadsheet, end to end in headless Chromium against a real server,
signed in as the e2e account of the "Vrijwilligers" group (the server runs in its own process with its own
database; how an administrator makes such an account is test_staff_first_login.py's and
test_editors_moderation.py's flow).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from editors.roles import VRIJWILLIGERS

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def test_volunteer_imports_fixes_and_finds_events(browser, staff_page, live_site: str, tmp_path: Path):
    # Playwright accepts downloads unless told not to.
    page = staff_page(VRIJWILLIGERS, "/admin/agenda/importeren/")

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
    undo = page.get_by_role("link", name="Deze import ongedaan maken")
    expect(undo).to_be_visible()

    # The events are on the public agenda.
    visitor = browser.new_context()
    agenda = visitor.new_page()
    # The fixture's events are in June 2027: upcoming now, in the past view once that month is over.
    past = "&verleden=1" if timezone.localdate() > datetime.date(2027, 6, 30) else ""
    june = live_site + f"/agenda/?plaats=Utrecht&maand=2027-06{past}"
    agenda.goto(june)
    expect(agenda.get_by_label("Maand")).to_have_value("2027-06") if not past else None
    expect(agenda.get_by_role("link", name="Inloopochtend")).to_be_visible()
    agenda.get_by_role("link", name="Einde voor begin").click()
    expect(agenda.get_by_role("heading", level=1, name="Einde voor begin")).to_be_visible()
    expect(agenda.get_by_text("18:00 – 20:00")).to_be_visible()

    # The volunteer undoes the import (it was the wrong month after all): the events leave the agenda.
    undo.click()
    expect(page.get_by_text("Hiermee worden de 8 activiteiten verwijderd")).to_be_visible()
    page.get_by_role("button", name="Ja, maak deze import ongedaan").click()
    expect(page.get_by_text("Import ongedaan gemaakt: 8 activiteiten verwijderd, 0 teruggezet.")).to_be_visible()
    agenda.goto(june)
    expect(agenda.get_by_role("link", name="Inloopochtend")).to_have_count(0)
    expect(agenda.get_by_role("link", name="Einde voor begin")).to_have_count(0)
    visitor.close()
