"""The intern registers a hotline report on a 360 px phone, signed in as production does (2FA) as a member of
the group Meldpunt, in a Dutch browser: fewer than ten fields' worth of typing, and the report is in the queue. A
date that cannot be true (in the future, before 1900, closed before received) gets a Dutch message in the form and
changes nothing."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
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


def test_impossible_dates_get_a_dutch_message_and_nothing_is_saved(live_site, staff_page):
    from meldpunt.models import Report, Status

    report = Report.objects.filter(status=Status.REGISTERED).order_by("pk").first()
    received = report.received_on.isoformat()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    day_before = (report.received_on - datetime.timedelta(days=1)).isoformat()
    edit = reverse("meldpunt_report:edit", args=[report.pk])
    page = staff_page("Meldpunt", edit)
    for case, fields, message in [
        ("future", {"received_on": tomorrow}, "Deze datum ligt in de toekomst. Vul de dag in waarop de melding"),
        ("before-1900", {"received_on": "1899-12-31"}, "ligt niet tussen 1900 en"),
        ("closed-before", {"status": Status.CLOSED, "closed_on": day_before}, "Afsluiten kan niet vóór de datum"),
    ]:
        page.goto(live_site + edit)
        for name, value in fields.items():
            field = page.locator(f"#id_{name}")
            field.select_option(value) if name == "status" else field.fill(value)
        page.get_by_role("button", name="Opslaan").first.click()
        error = page.locator(".w-field__errors, .error-message").filter(has_text=message).first
        expect(error).to_be_visible()
        error.scroll_into_view_if_needed()
        keep_screenshot(page, f"meldpunt/date-refused-{case}.png")
    page.goto(live_site + edit)
    expect(page.locator("#id_received_on")).to_have_value(received)
    expect(page.locator("#id_status")).to_have_value(Status.REGISTERED)
    expect(page.locator("#id_closed_on")).to_have_value("")
