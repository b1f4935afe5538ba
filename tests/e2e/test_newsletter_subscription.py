"""A visitor subscribes on /nieuwsbrief/, confirms from the mail, receives an issue the Redactie sends, and
unsubscribes in one click (RFC 8058), without ever getting a cookie.

The server writes its mails to files (Django's file backend, `e2e_mail_dir`); the test reads them as a mailbox.
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ADDRESS = "e2e-lezer@example.org"


def mails_to(mail_dir: Path, address: str) -> list[email.message.EmailMessage]:
    """Every mail the server sent to `address`, oldest first (a file holds the mails of one connection)."""
    found = []
    for path in sorted(mail_dir.iterdir(), key=lambda p: p.stat().st_mtime):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = email.message_from_bytes(chunk.strip(), policy=email.policy.default)
                if address in str(message["To"]):
                    found.append(message)
    return found


def path_of(url: str) -> str:
    """The path of a link in a mail (the mail names the site's configured host; the test server is local)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_subscribe_confirm_receive_and_unsubscribe(browser, live_site: str, e2e_mail_dir: Path, staff_page):
    visitor = browser.new_context(locale="nl-NL")
    page = visitor.new_page()
    page.goto(live_site + "/nieuwsbrief/")
    page.get_by_label("Je e-mailadres").fill(ADDRESS)
    page.get_by_label(re.compile("^LOS nieuws")).check()
    page.get_by_label(re.compile("^Ik wil deze nieuwsbrief ontvangen")).check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1, name="Kijk in je mailbox")).to_be_visible()

    [confirmation] = mails_to(e2e_mail_dir, ADDRESS)
    link = re.search(r"https?://\S+/nieuwsbrief/bevestigen/\S+/", confirmation.get_body(("plain",)).get_content())
    page.goto(live_site + path_of(link.group(0)))
    page.get_by_role("button", name="Ja, ik wil de nieuwsbrief ontvangen").click()
    expect(page.get_by_role("heading", level=1, name="Je bent aangemeld")).to_be_visible()
    assert visitor.cookies() == []

    # The Redactie (signed in as in production, with 2FA) sends the demo's draft issue, after a test to themselves.
    editor = staff_page("Redactie", "/admin/snippets/newsletter/issue/")
    editor.get_by_role("link", name=re.compile("LOS nieuws: medische zorg")).first.click()
    editor.get_by_role("link", name="Test en versturen").first.click()
    editor.get_by_role("button", name="Stuur testmail").click()
    expect(editor.get_by_text("Testmail verstuurd naar").first).to_be_visible()
    editor.get_by_role("button", name="Nu versturen").click()
    expect(editor.get_by_text("100%").first).to_be_visible()
    # The progress page says when it went out: today, in Dutch (the issue is dated when sending starts).
    with translation.override("nl"):
        today = date_format(timezone.localdate(), "j F Y")
    expect(editor.get_by_text(re.compile(f"Status: verstuurd, verstuurd op {today} \\d")).first).to_be_visible()

    issue_mail = mails_to(e2e_mail_dir, ADDRESS)[-1]
    assert "medische zorg" in issue_mail["Subject"]
    assert issue_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = issue_mail.get_body(("html",)).get_content()
    assert "<img" not in html
    archive_link = re.search(r'href="(https?://[^"]+/nieuwsbrief/archief/\d+/)"', html).group(1)
    page.goto(live_site + path_of(archive_link))
    expect(page.get_by_role("heading", level=1, name=re.compile("medische zorg"))).to_be_visible()
    # Each item's kind and date ("Nieuws · 20 november 2026") sit on its own heading, not under the item before
    # (the site had no styles for the mail's classes; seen).
    gaps = page.locator(".nl-item .nl-kind").evaluate_all(
        """kinds => kinds.map(kind => {
            const item = kind.closest('.nl-item'), before = item.previousElementSibling;
            const heading = kind.nextElementSibling.getBoundingClientRect(), own = kind.getBoundingClientRect();
            return [own.top - before.getBoundingClientRect().bottom, heading.top - own.bottom];
        })"""
    )
    assert gaps and all(to_heading < to_item_before for to_item_before, to_heading in gaps), gaps

    # One click in the mail program: it POSTs to the List-Unsubscribe address from its own server.
    header = "".join(str(issue_mail["List-Unsubscribe"]).split())  # a long header is folded over lines
    unsubscribe = path_of(re.fullmatch(r"<([^>]+)>", header).group(1))
    response = page.request.post(live_site + unsubscribe, form={"List-Unsubscribe": "One-Click"})
    assert response.ok and "Je bent afgemeld" in response.text()
    # The address is gone: the link to change lists in that mail no longer works.
    manage = re.search(r"https?://\S+/nieuwsbrief/wijzigen/\S+/", issue_mail.get_body(("plain",)).get_content())
    page.goto(live_site + path_of(manage.group(0)))
    expect(page.get_by_role("heading", level=1, name="Deze link werkt niet meer")).to_be_visible()
    assert visitor.cookies() == []


def test_the_redactie_writes_an_issue_previews_it_and_mails_a_test(live_site: str, e2e_mail_dir: Path, staff_page):
    """A new issue starts with what LOS published and organises these two weeks (README "Composing"); the Redactie
    picks the list, writes subject and intro, saves, reads the preview as HTML and as plain text, and mails a test
    to itself: it arrives with what the issue says."""
    from newsletter.models import Issue

    from .page_editor import open_preview
    from .screenshots import keep_screenshot
    from .test_editors_dutch import english_words

    proposed = [value.title for _kind, value in Issue.proposed_items()]
    assert proposed  # the demo's agenda always has something in the coming two weeks
    subject, intro = "LOS nieuws december: opvang en zorg", "Deze maand twee bijeenkomsten waar je bij kunt zijn."
    editor = staff_page("Redactie", "/admin/snippets/newsletter/issue/")
    editor.get_by_role("link", name="Nieuwsbrief toevoegen").first.click()
    items = editor.locator("[data-contentpath='items']")
    for title in proposed:
        expect(items.get_by_text(title).first).to_be_visible()
    editor.get_by_role("button", name="Kies nieuwsbrieflijst").click()
    editor.locator(".modal-dialog").get_by_role("link", name="LOS nieuws").click()
    editor.locator("#id_subject").fill(subject)
    editor.locator("[data-contentpath='intro'] [contenteditable=true]").click()
    editor.keyboard.type(intro)
    # The rich-text editor writes what was typed into the form a moment later, as it does for everyone.
    expect(editor.locator("#id_intro")).to_have_value(re.compile("bijeenkomsten"))
    editor.get_by_role("button", name="Opslaan").first.click()
    editor.locator(".messages").get_by_role("link", name="Wijzig").click()

    preview = open_preview(editor)
    expect(preview.get_by_role("heading", level=1, name=subject)).to_be_visible()
    expect(preview.locator(".nl-intro")).to_have_text(intro)
    for title in proposed:
        expect(preview.get_by_role("heading", level=2, name=title)).to_be_visible()
    keep_screenshot(editor, "newsletter/preview-html.png")
    editor.get_by_label("Voorbeeldmodus").select_option(label="Platte tekst")
    expect(preview.locator("body")).to_contain_text(subject.upper())
    expect(preview.locator("body")).to_contain_text(intro)
    keep_screenshot(editor, "newsletter/preview-text.png")
    assert english_words(editor) == set()

    editor.get_by_role("link", name="Test en versturen").first.click()
    editor.get_by_role("button", name="Stuur testmail").click()
    expect(editor.get_by_text("Testmail verstuurd naar e2e-redactie@example.org.")).to_be_visible()
    test_mail = mails_to(e2e_mail_dir, "e2e-redactie@example.org")[-1]
    assert test_mail["Subject"] == f"[TEST] {subject}"
    text = test_mail.get_body(("plain",)).get_content()
    html = test_mail.get_body(("html",)).get_content()
    for part in (text, html):
        assert intro in part and all(title in part for title in proposed)
    assert subject.upper() in text and f">{subject}</h1>" in html
