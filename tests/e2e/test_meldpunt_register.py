"""The intern registers a hotline report on a 360 px phone, signed in as production does (2FA) as a member of
the group Meldpunt, in a Dutch browser: fewer than ten fields' worth of typing, and the report is in the queue."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e
PHONE = {"width": 360, "height": 740}


def test_the_intern_registers_a_report_on_a_phone(live_site, staff_page):
    page = staff_page("Meldpunt", "/admin/meldpunt/meldingen/new/", viewport=PHONE)
    # Date (today) and channel (telefoon) are filled in already: location, two topics, the text, urgency.
    page.locator("#id_location").select_option(label="Detentiecentrum Rotterdam")
    page.get_by_label("medische zorg").check()
    page.get_by_label("isolatie").check()
    page.locator("#id_description").fill("Al drie dagen geen arts gezien na een val in de isolatiecel.")
    page.locator("#id_urgency").select_option("urgent")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    keep_screenshot(page, "meldpunt/register-form-360.png", full_page=True)
    page.get_by_role("button", name=re.compile("Toevoegen")).first.click()
    message = page.locator(".messages")
    expect(message).to_contain_text(re.compile(r"MVD-\d{4}-\d{4}"))
    reference = re.search(r"MVD-\d{4}-\d{4}", message.inner_text()).group(0)
    page.goto(live_site + "/admin/meldpunt/meldingen/?urgency=urgent")
    expect(page.get_by_role("link", name=reference)).to_be_visible()
    # The queue fits the phone: no sideways scrolling of the page, nor of the table inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    table = page.locator("table.listing")
    assert table.evaluate("t => t.getBoundingClientRect().right") <= PHONE["width"]
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth")
    # Every reference on one line (it is read out on the phone; it used to wrap over three).
    references = table.locator("td.title .title-wrapper a")
    assert references.count() and references.evaluate_all("links => links.every(a => a.getClientRects().length === 1)")
    expect(page.locator(".w-active-filters")).not_to_contain_text("False")
    expect(table).to_contain_text(re.compile(r"\d{1,2}-\d{1,2}-\d{4}"))  # a date, not "8 minuten geleden"
    keep_screenshot(page, "meldpunt/queue-360.png", full_page=True)
