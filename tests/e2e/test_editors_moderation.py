"""An intern drafts a news item and submits it; the Eindredactie approves it; it is live on the site. A translator
edits translations only, and is told in Dutch when the translation editor does not save a text.

Both log in through the real login form of a real server (headless Chromium). In the first test the accounts are
made by the superuser in the admin's user form, with the group ticked, as an administrator would; the others use
the e2e account of each group (`staff_page`).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsIndexPage, NewsPage
from tests.e2e.page_editor import open_more_actions
from tests.e2e.staff_login import create_colleague, log_in

from .screenshots import keep_screenshot

pytestmark = pytest.mark.e2e

TITLE = "Stagiair meldt: nieuwe cijfers detentie"


def test_intern_submits_moderator_approves_page_goes_live(browser, live_site: str):
    create_colleague(browser, live_site, "stagiair", "stagiair-wachtwoord-2027", "Stagiairs")
    create_colleague(browser, live_site, "eindredacteur", "eindredactie-wachtwoord-2027", "Eindredactie")

    # The intern finds Nieuws, writes a news item and submits it for approval.
    intern = browser.new_context().new_page()
    log_in(intern, live_site, "stagiair", "stagiair-wachtwoord-2027")
    intern.goto(live_site + "/admin/pages/search/?q=Nieuws")
    intern.locator("a[aria-label=\"Bekijk de onderliggende pagina's van 'Nieuws'\"]").first.click()
    intern.get_by_role("link", name="Voeg onderliggende pagina toe").first.click()
    expect(intern).to_have_url(re.compile(r"/admin/pages/add/news/newspage/"))
    intern.locator("#id_title").fill(TITLE)
    intern.locator("#id_intro").fill("Het Meldpunt telde dit jaar meer meldingen over detentie.")
    expect(intern.get_by_text("57 van 300 tekens.")).to_be_visible()  # the length hint under the summary
    open_more_actions(intern)
    # No "Publiceren" for an intern: only submitting to the Eindredactie's workflow.
    expect(intern.get_by_role("button", name="Publiceren")).to_have_count(0)
    intern.get_by_role("button", name="Stuur door naar Goedkeuring eindredactie").click()
    expect(intern.get_by_text(f"Pagina '{TITLE}' aangemaakt en ingediend voor controle.").first).to_be_visible()
    assert TITLE not in intern.request.get(live_site + "/nieuws/").text()
    # Closed when done: an open page editor pings the (single-threaded) server every few seconds.
    intern.context.close()

    # The moderator finds it on the dashboard under "awaiting your review" and approves it.
    moderator = browser.new_context().new_page()
    log_in(moderator, live_site, "eindredacteur", "eindredactie-wachtwoord-2027")
    moderator.goto(live_site + "/admin/")
    expect(moderator.get_by_role("heading", name="In afwachting van jouw beoordeling")).to_be_visible()
    moderator.get_by_role("link", name=TITLE).first.click()
    open_more_actions(moderator)
    moderator.get_by_role("button", name="Goedkeuren", exact=True).click()
    expect(moderator.get_by_text(f"Pagina '{TITLE}' is gewijzigd.").first).to_be_visible()
    moderator.context.close()

    # Live on the site, for an anonymous visitor.
    visitor = browser.new_context().new_page()
    visitor.goto(live_site + "/nieuws/")
    visitor.get_by_role("link", name=TITLE).first.click()
    expect(visitor.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    visitor.context.close()


def test_translator_edits_translations_but_not_dutch_pages(staff_page, live_site: str):
    # The Dutch news index: refused, with the reason.
    page = staff_page("Vertalers", "/admin/pages/search/?q=Nieuws")
    page.locator("a[href$='/edit/']", has_text=re.compile(r"^\s*Nieuws\s*$")).first.click()
    expect(page.get_by_text("Als vertaler kun je alleen vertalingen bewerken.")).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"/edit/"))

    # Its English translation opens in wagtail-localize's translation editor.
    page.goto(live_site + "/admin/pages/search/?q=News")
    page.locator("a[href$='/edit/']", has_text=re.compile(r"^\s*News\s*$")).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.get_by_text("Als vertaler kun je alleen vertalingen bewerken.")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Publiceer in"))).to_be_visible()


def test_translator_sees_why_a_title_is_not_saved(staff_page):
    """A translated title over 255 characters is not saved, and the translation editor says so in Dutch beside
    the title (editors/translation_api.py). It showed wagtail-localize's English "Server error": its script reads
    only answers with status 200 or 201."""
    english = NewsIndexPage.objects.get(locale__language_code="en")
    page = staff_page("Vertalers", f"/admin/pages/{english.pk}/edit/")
    title = page.locator(".js-translation-editor li:has(> .title)")  # the segment of the page's title
    expect(title).to_contain_text(english.title)
    title.get_by_role("button", name="Bewerk").click()
    title.locator("textarea").fill("Nieuws " * 40)  # 280 characters
    title.get_by_role("button", name="Opslaan").click()
    expect(title).to_contain_text("Niet opgeslagen: deze tekst is te lang: maximaal 255 tekens.")
    expect(title).not_to_contain_text("Server error")
    keep_screenshot(page, "staff/translator-title-too-long.png")

    page.reload()  # what the editor shows now is what was stored: the translated title as it was
    expect(title).to_contain_text(english.title)
    expect(title).not_to_contain_text("Nieuws Nieuws")


def test_intern_sees_the_reviewers_change_request_in_the_editor(staff_page, live_site: str):
    """Issue 16, item 5: the Eindredactie asks for changes from the dashboard (and is told it did); the intern sees
    the comment at the top of the page editor, not only in the e-mail."""
    title, comment = "Stagiair schrijft over de wachtlijst", "Noem de bron van het cijfer in de eerste alinea."
    news = NewsPage.objects.filter(locale__language_code="nl").first().get_parent()
    intern = staff_page("Stagiairs", f"/admin/pages/add/news/newspage/{news.pk}/")
    intern.locator("#id_title").fill(title)
    intern.locator("#id_intro").fill("De wachtlijst voor een gesprek werd dit jaar langer.")
    open_more_actions(intern)
    intern.get_by_role("button", name="Stuur door naar Goedkeuring eindredactie").click()
    expect(intern.get_by_text(f"Pagina '{title}' aangemaakt en ingediend voor controle.").first).to_be_visible()

    moderator = staff_page("Eindredactie")
    row = moderator.locator("tr", has_text=title)
    row.get_by_role("button", name="Acties").click()
    row.get_by_role("button", name="Wijzigingsverzoek").click()
    moderator.get_by_label("Opmerking").fill(comment)
    moderator.locator(".modal form [type=submit]").click()
    expect(moderator.get_by_text(f"Je hebt om wijzigingen gevraagd voor ‘{title}’.")).to_be_visible()

    intern.goto(f"{live_site}/admin/pages/{news.pk}/")
    intern.get_by_role("link", name=title).first.click()
    expect(intern).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(intern.get_by_text(f"vraagt om wijzigingen: “{comment}”")).to_be_visible()
    keep_screenshot(intern, "staff/intern-sees-change-request.png")
