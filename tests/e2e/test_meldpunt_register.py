"""The intern registers a hotline report on a 360 px phone, signed in as production does (2FA) as a member of
the group Meldpunt, in a Dutch browser: fewer than ten fields' worth of typing, and the report is in the queue. A
date that cannot be true (in the future, before 1900, closed before received) gets a Dutch message in the form and
changes nothing. On the phone too, the intern follows a report up from the open queue and closes it."""

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


def fits_the_phone(page) -> None:
    """Nothing on the screen reaches past its right edge (the admin's main area hides what does, so the page
    itself never scrolls sideways: a select box cut off there lost its arrow)."""
    too_wide = page.locator("main input, main select, main textarea, main table").evaluate_all(
        "els => els.filter(e => e.checkVisibility() && e.getBoundingClientRect().right > innerWidth)"
        ".map(e => e.id || e.name || e.tagName)"
    )
    assert too_wide == []


def test_the_intern_registers_a_report_on_a_phone(live_site, staff_page):
    page = staff_page("Meldpunt", "/admin/meldpunt/meldingen/new/", viewport=PHONE)
    # Date (today) and channel (telefoon) are filled in already: location, two topics, the text, urgency.
    page.locator("#id_location").select_option(label="Detentiecentrum Rotterdam")
    page.get_by_label("medische zorg").check()
    page.get_by_label("isolatie").check()
    page.locator("#id_description").fill("Al drie dagen geen arts gezien na een val in de isolatiecel.")
    page.locator("#id_urgency").select_option("urgent")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    fits_the_phone(page)
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


def test_the_intern_follows_a_report_up_and_closes_it_on_a_phone(live_site, staff_page):
    """From the open queue to closed: a referral with the status it implies, then the outcome. Closing deletes the
    contact details (README "Retention"); every opening is in the access log, every save in the case history,
    naming only what changed."""
    from meldpunt.models import Report, Status

    report = Report.objects.filter(status=Status.REGISTERED).exclude(contact="").order_by("-pk").first()
    reference = report.reference
    statuses = "&".join(f"status={status}" for status in Status.values if status != Status.CLOSED)
    open_queue = f"/admin/meldpunt/meldingen/?{statuses}"
    page = staff_page("Meldpunt", open_queue, viewport=PHONE)
    page.get_by_label("Zoekterm").fill(reference)  # the caller quotes the reference
    page.get_by_role("link", name=reference).click()
    expect(page.locator("#id_contact")).not_to_have_value("")
    fits_the_phone(page)
    page.get_by_role("button", name="Voeg doorverwijzing toe").click()
    page.get_by_label("Doorverwezen naar").fill("Advocatencollectief Rotterdam-Zuid")
    page.locator("#id_status").select_option(label="doorverwezen naar advocaat")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages").get_by_role("link", name="Wijzig").click()

    page.locator("#id_status").select_option(label="afgesloten")
    page.locator("#id_outcome").select_option(label="opgelost")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages").get_by_role("link", name="Wijzig").click()
    expect(page.locator("#id_status")).to_have_value(Status.CLOSED)
    expect(page.locator("#id_contact")).to_have_value("")
    expect(page.locator("#id_closed_on")).not_to_have_value("")
    history = page.locator("[data-panel] ul").filter(has_text="Geregistreerd").first
    expect(history.get_by_role("listitem")).to_contain_text(
        [
            "Meldpunt: Contactgegevens verwijderd (afgesloten)",
            "Meldpunt: Gewijzigd: Status, Uitkomst",
            "Meldpunt: Gewijzigd: Status, Doorverwijzingen",
            "Geregistreerd",
        ]
    )
    history.scroll_into_view_if_needed()
    keep_screenshot(page, "meldpunt/follow-up-closed-360.png")

    page.goto(f"{live_site}{open_queue}&q={reference}")
    expect(page.get_by_text("Geen meldingen")).to_be_visible()  # closed: no longer in the open queue
    page.goto(f"{live_site}/admin/meldpunt/inzagelog/?q={reference}")
    rows = page.locator("table.listing tbody tr")
    # Newest first: the opening after closing, the one after the referral, and the first, with the contact.
    expect(rows).to_have_count(3)
    expect(rows).to_contain_text(["bekeken", "contactgegevens bekeken", "contactgegevens bekeken"])
    expect(rows.first).to_contain_text(re.compile(r"e2e-meldpunt.*\d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2}", re.S))
    assert rows.locator("td.title a").evaluate_all("links => links.every(a => a.getClientRects().length === 1)")
    fits_the_phone(page)
    keep_screenshot(page, "meldpunt/access-log-360.png")
