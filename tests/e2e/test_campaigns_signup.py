"""A visitor signs a petition and sees the counter move, without getting a cookie."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def counter(page: Page) -> int:
    return int(page.locator(".signup-counter__number").first.inner_text())


def test_visitor_signs_the_petition_and_the_counter_moves(page: Page, live_site: str):
    page.goto(live_site + "/campagnes/zorg-in-detentie/")
    expect(page.get_by_role("heading", level=1, name="Goede zorg in detentie")).to_be_visible()
    before = counter(page)

    page.get_by_label(re.compile("^Naam")).fill("Amina")
    page.get_by_label(re.compile("^Woonplaats")).fill("Utrecht")
    page.get_by_role("button", name="Teken de petitie").click()
    # Without consent the form comes back with a clear error, and nothing was counted.
    expect(page.get_by_role("alert").first).to_contain_text("toestemming")
    assert counter(page) == before

    page.get_by_label(re.compile("^Naam")).fill("Amina")
    page.get_by_label(re.compile("Ik geef toestemming")).check()
    page.get_by_role("button", name="Teken de petitie").click()
    expect(page.get_by_role("heading", level=1, name="Bedankt!")).to_be_visible()
    assert counter(page) == before + 1

    page.get_by_role("link", name=re.compile("Terug naar")).click()
    expect(page).to_have_url(live_site + "/campagnes/zorg-in-detentie/")
    assert counter(page) == before + 1
    assert page.context.cookies() == []
