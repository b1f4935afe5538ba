"""The admin in Dutch for a Dutch colleague (issue 16): no English words on the login, two-factor, dashboard,
page editor and translation editor screens, the campaign screens and the Meldpunt screens, checked against a list
of English words that are not Dutch too. Each screen is looked at by the least-privileged group that sees it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from campaigns.models import CampaignPage, SignupFormPage
from meldpunt.models import Report
from news.models import NewsPage
from tests.e2e.staff_login import DUTCH_BROWSER, create_colleague, pass_second_factor, submit_password

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e

USERNAME, PASSWORD = "taalcontrole", "alles-in-het-nederlands-2027"
# English words seen in the admin, and the common ones of any admin screen; none of them is also a Dutch word
# ("of", "in", "is", "live", "status", "help", "log", "items", "document", "snippets", "account", "week" are left
# out).
ENGLISH_LIST = """
    ago actions add all and back cancel choose close comment comments content copy create day days delete
    draft drafts edit editing error field fields from hide history hour hours image images into
    locale locales locked minute minutes month months more move new next none not page pages password please
    preview previous private promote publish published publishing remove required revision revisions root save
    saved schedule scheduled search second seconds select settings show sign submit that the this title
    translate translated translation translations true false unpublish upload username view weeks with workflow year
    years you your
"""
ENGLISH = frozenset(ENGLISH_LIST.split())
# What is shown, and what a screen reader says: labels, titles, placeholders, and the text of input buttons, hidden
# ones included unless aria-hidden (Wagtail's search forms end with a button only a screen reader finds).
VISIBLE_TEXT = """() => document.body.innerText + ' ' +
    [...document.querySelectorAll('[aria-label],[title],[placeholder]')]
    .filter(e => e.checkVisibility())
    .map(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) || '').join(' '))
    .join(' ') + ' ' +
    [...document.querySelectorAll('input[type=submit],input[type=button],input[type=reset]')]
    .filter(e => e.getAttribute('aria-hidden') !== 'true')
    .map(e => e.value)
    .join(' ')"""


def english_words(page: Page) -> set[str]:
    """Each English word on the screen, with the words around it (so a failure says where to look)."""
    page.wait_for_load_state("load")
    text = " ".join(page.evaluate(VISIBLE_TEXT).split())
    return {
        text[max(0, found.start() - 30) : found.end() + 30]
        for found in re.finditer(r"[A-Za-z]+", text)
        if found.group().lower() in ENGLISH
    }


def test_login_two_factor_dashboard_and_editors_are_dutch(browser, live_site: str):
    create_colleague(browser, live_site, USERNAME, PASSWORD, "Redactie")
    news = NewsPage.objects.filter(locale__language_code="nl").live().first()
    untranslated = NewsPage.objects.filter(locale__language_code="nl").live().order_by("-pk").first()
    page = browser.new_context(**DUTCH_BROWSER).new_page()
    found: dict[str, set[str]] = {}

    page.goto(live_site + "/admin/login/")
    found["inloggen"] = english_words(page)
    submit_password(page, USERNAME, PASSWORD)
    found["tweestapsverificatie"] = english_words(page)
    pass_second_factor(page, USERNAME)
    found["dashboard"] = english_words(page)
    page.goto(live_site + "/admin/2fa/setup/")
    expect(page.get_by_role("heading", name="Nieuwe telefoon koppelen")).to_be_visible()
    found["nieuwe telefoon"] = english_words(page)

    page.goto(f"{live_site}/admin/pages/{news.pk}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    found["pagina bewerken"] = english_words(page)
    keep_screenshot(page, "staff/dutch-page-editor.png")

    page.goto(f"{live_site}/admin/localize/submit/page/{untranslated.pk}/")
    found["vertalen"] = english_words(page)
    page.get_by_label("English").check()
    page.locator("form [type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator(".js-translation-editor button").first).to_be_visible()  # the React editor is drawn
    found["vertaaleditor"] = english_words(page)
    keep_screenshot(page, "staff/dutch-translation-editor.png")

    # The screens issue 16's second round touched: a page listing (its counter), the images with their collections
    # (the sign-up list with its export buttons is checked in test_campaigns_signup.py, as the Eindredactie).
    page.goto(f"{live_site}/admin/pages/{news.get_parent().pk}/")
    expect(page.get_by_text(re.compile(r"\d+-\d+ van \d+ "))).to_be_visible()
    found["paginalijst"] = english_words(page)
    page.goto(f"{live_site}/admin/images/")
    found["afbeeldingen"] = english_words(page)
    page.context.close()

    assert {screen: words for screen, words in found.items() if words} == {}


def test_campaign_screens_are_dutch(live_site: str, staff_page):
    """The Redactie's campaign editor and "Aanmeldformulier toevoegen"; the sign-up list with its export buttons
    and the forms overview as the Eindredactie (the Redactie never sees who signed)."""
    campaign = CampaignPage.objects.get(slug="zorg-in-detentie")
    petition = SignupFormPage.objects.get(slug="petitie")
    found: dict[str, set[str]] = {}

    page = staff_page("Redactie", f"/admin/pages/{campaign.pk}/edit/")
    expect(page.locator("#id_title")).to_be_visible()
    found["campagne bewerken"] = english_words(page)
    keep_screenshot(page, "staff/dutch-campaign-editor.png", full_page=True)
    page.goto(f"{live_site}/admin/campagnes/{campaign.pk}/aanmeldformulier/")
    found["aanmeldformulier toevoegen"] = english_words(page)

    page = staff_page("Eindredactie", "/admin/forms/")
    found["formulieren"] = english_words(page)
    page.goto(f"{live_site}/admin/forms/submissions/{petition.pk}/")
    expect(page.get_by_text("Download voor Excel")).to_be_visible()
    found["aanmeldingen"] = english_words(page)
    keep_screenshot(page, "staff/dutch-signup-list.png", full_page=True)

    english = {screen: sorted(words) for screen, words in found.items() if words}
    assert english == {}, english


def test_meldpunt_screens_are_dutch(live_site: str, staff_page):
    """The Meldpunt group: its dashboard panel, the queue of reports, the form for a new report and a report."""
    report = Report.objects.order_by("pk").first()
    found: dict[str, set[str]] = {}

    page = staff_page("Meldpunt")
    found["dashboard"] = english_words(page)
    keep_screenshot(page, "staff/dutch-meldpunt-dashboard.png", full_page=True)
    page.goto(f"{live_site}/admin/meldpunt/meldingen/")
    found["wachtrij"] = english_words(page)
    keep_screenshot(page, "staff/dutch-meldpunt-queue.png", full_page=True)
    page.goto(f"{live_site}/admin/meldpunt/meldingen/new/")
    found["nieuwe melding"] = english_words(page)
    page.goto(f"{live_site}/admin/meldpunt/meldingen/edit/{report.pk}/")
    found["melding"] = english_words(page)
    keep_screenshot(page, "staff/dutch-meldpunt-report.png", full_page=True)

    english = {screen: sorted(words) for screen, words in found.items() if words}
    assert english == {}, english
