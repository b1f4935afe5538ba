"""Publishing on both sites, each as the least-privileged group that does it (editors/roles.py), in production's
login (2FA) and a Dutch browser: the Redactie changes a main-site page, adds a photo from the editor's image
chooser and publishes; the Microsite redactie changes a microsite page and a help address, cannot publish but
submits, the Eindredactie approves, and visitors of the microsite see both changes. The Redactie also redirects an
old address."""

from __future__ import annotations

import io
import re
import urllib.request
from urllib.parse import urlparse

import pytest
from PIL import Image
from playwright.sync_api import expect
from wagtail.models import Collection

from campaigns.models import MicrositePage
from editors.roles import EINDREDACTIE, LOS_COLLECTION, MICROSITE_COLLECTION, MICROSITE_REDACTIE, REDACTIE
from home.models import ContentPage
from tests.e2e.page_editor import open_more_actions, upload_in_image_chooser

from .screenshots import keep_screenshot
from .test_editors_dutch import english_words

pytestmark = pytest.mark.e2e


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _microsite(live_site: str) -> str:
    return f"http://ilegalevrouw.localhost:{urlparse(live_site).port}"


def test_the_redactie_changes_a_page_adds_a_photo_and_publishes(staff_page, browser, live_site: str):
    about = ContentPage.objects.get(slug="over-los", locale__language_code="nl")
    los = Collection.objects.get(name=LOS_COLLECTION)
    intro = "LOS steunt al 25 jaar de hulp aan mensen zonder verblijfsvergunning, in heel Nederland."
    alt = "Vrijwilligers van LOS aan een lange tafel met koffie."
    page = staff_page(REDACTIE, f"/admin/pages/{about.pk}/edit/")
    page.locator("#id_intro").fill(intro)

    # A photo block at the top of the body, its image uploaded in the chooser.
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name=re.compile(r"^Afbeelding")).click()
    upload_in_image_chooser(
        page,
        {"name": "koffietafel.png", "mimeType": "image/png", "buffer": _png("peru")},
        "Koffietafel LOS",
        alt,
        # The Redactie adds images to the main site's collection only: the microsite's is not offered.
        check_tab=lambda tab: expect(tab).not_to_contain_text(MICROSITE_COLLECTION),
    )
    page.get_by_label("Alternatieve tekst").first.fill(alt)

    open_more_actions(page)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator(".messages")).to_contain_text("Pagina 'Over LOS' is gepubliceerd.")

    # In the LOS collection, where the main site's editors find it.
    page.goto(f"{live_site}/admin/images/?collection_id={los.pk}")
    expect(page.get_by_text("Koffietafel LOS")).to_be_visible()

    visitor = browser.new_context().new_page()
    visitor.goto(live_site + "/over-los/")
    expect(visitor.get_by_text(intro)).to_be_visible()
    expect(visitor.get_by_alt_text(alt)).to_be_visible()
    keep_screenshot(visitor, "staff/redactie-published-page.png")
    visitor.context.close()


def test_microsite_editors_submit_the_eindredactie_approves_visitors_see_it(staff_page, browser, live_site: str):
    article = MicrositePage.objects.get(slug="huiselijk-geweld", locale__language_code="nl")
    intro = "Ook zonder verblijfsvergunning heb je recht op bescherming, opvang en een arts."
    hours = "Advies en hulp bij huiselijk geweld, gratis en anoniem. Ook in het weekend bereikbaar."
    site = _microsite(live_site)

    editor = staff_page(MICROSITE_REDACTIE, f"/admin/pages/{article.pk}/edit/")
    editor.locator("#id_intro").fill(intro)
    open_more_actions(editor)
    expect(editor.get_by_role("button", name="Publiceren")).to_have_count(0)
    editor.get_by_role("button", name="Stuur door naar Goedkeuring eindredactie").click()
    expect(editor.get_by_text("Pagina 'Huiselijk geweld' is ter goedkeuring ingediend.")).to_be_visible()
    keep_screenshot(editor, "staff/microsite-submitted.png")

    # A help address: the group's own, saved at once (help addresses have no approval step).
    editor.goto(f"{live_site}/admin/snippets/campaigns/helplocation/")
    # Each address once per language, under the same name: the row says which one is the Dutch.
    row = editor.locator("tr", has_text="Veilig Thuis").filter(has=editor.get_by_text("Nederlands", exact=True))
    keep_screenshot(editor, "staff/microsite-help-addresses.png")
    row.get_by_role("link", name="Veilig Thuis").click()
    editor.get_by_role("textbox", name="Omschrijving").fill(hours)
    editor.get_by_role("button", name="Opslaan").first.click()
    expect(editor.locator(".messages")).to_contain_text("Hulpadres 'Veilig Thuis (Landelijk)' bijgewerkt.")

    visitor = browser.new_context().new_page()
    visitor.goto(f"{site}/huiselijk-geweld/")
    expect(visitor.get_by_text(article.intro)).to_be_visible()  # not before the approval

    moderator = staff_page(EINDREDACTIE)
    row = moderator.locator("tr", has_text="Huiselijk geweld")
    row.get_by_role("button", name="Acties").click()
    row.get_by_role("button", name="Goedkeuren", exact=True).click()
    expect(moderator.get_by_text("Je hebt ‘Huiselijk geweld’ goedgekeurd.")).to_be_visible()

    visitor.goto(f"{site}/huiselijk-geweld/")
    expect(visitor.get_by_text(intro)).to_be_visible()
    visitor.goto(f"{site}/hulp-zoeken/?soort=veilig_thuis")
    expect(visitor.get_by_text(hours)).to_be_visible()
    keep_screenshot(visitor, "staff/microsite-help-finder.png")
    visitor.context.close()


def test_the_redactie_redirects_an_old_address(staff_page, live_site: str):
    """Instellingen › Doorverwijzingen: a campaign's old address, still printed on flyers, leads to its new page."""
    editor = staff_page(REDACTIE, "/admin/redirects/add/")
    editor.get_by_label("Verwijs door vanaf").fill("/oude-actie-2025/")
    editor.get_by_label("Stuur door naar een specifiek adres").fill(live_site + "/over-los/")
    editor.get_by_role("button", name="Toevoegen").click()
    expect(editor.locator(".messages")).to_contain_text("oude-actie-2025")
    answer = editor.request.get(live_site + "/oude-actie-2025/", max_redirects=0)
    assert answer.status in (301, 302) and answer.headers["location"] == live_site + "/over-los/"


def test_the_eindredactie_changes_the_address_and_every_page_shows_it(staff_page, live_site: str):
    """Instellingen › Organisatie (the only group with the site settings): LOS moves, and the footer of every page,
    Dutch and English, gives the new address to visitors at once (their cached pages are renewed)."""

    def footer(path: str) -> str:
        with urllib.request.urlopen(live_site + path, timeout=30) as response:  # noqa: S310 - the local test server
            return response.read().decode().split("<footer", 1)[1]

    paths = ("/", "/en/", "/over-los/")
    assert all("Kanaalstraat 243" in footer(path) for path in paths)  # in the page cache now
    settings_page = staff_page(EINDREDACTIE, "/admin/settings/home/organisationsettings/")
    settings_page.get_by_label("Adres", exact=True).fill("Oudegracht 100")
    settings_page.get_by_role("button", name="Opslaan").click()
    expect(settings_page.locator(".messages")).to_be_visible()
    for path in paths:
        assert "Oudegracht 100" in footer(path) and "Kanaalstraat 243" not in footer(path), path


def test_the_eindredactie_adds_a_funder_and_both_footers_thank_it(staff_page, live_site: str):
    """Fondsen › Fonds toevoegen (the Eindredactie manages funders): a new fund with its logo, uploaded in the
    chooser, ticked for the footer. The footer of every main-site page, Dutch and English, shows the logo with its
    alternative text at once; the English page has it before anyone translated the fund (its Dutch name stands in).
    The form is all Dutch."""

    def footer(path: str) -> str:
        with urllib.request.urlopen(live_site + path, timeout=30) as response:  # noqa: S310 - the local test server
            return response.read().decode().split("<footer", 1)[1]

    alt = "Logo van het Utrechts Solidariteitsfonds"
    assert all(alt not in footer(path) for path in ("/", "/en/"))  # the footer is cached now
    page = staff_page(EINDREDACTIE, "/admin/snippets/research/funder/add/")
    assert english_words(page) == set()
    page.locator("#id_name").fill("Utrechts Solidariteitsfonds")
    logo = {"name": "solidariteitsfonds.png", "mimeType": "image/png", "buffer": _png("darkgreen")}
    upload_in_image_chooser(page, logo, "Utrechts Solidariteitsfonds", alt)
    page.locator("#id_logo_alt").fill(alt)
    page.locator("#id_acknowledgement").fill("Mogelijk gemaakt door het Utrechts Solidariteitsfonds.")
    page.locator("#id_show_in_footer").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("Utrechts Solidariteitsfonds")
    keep_screenshot(page, "staff/eindredactie-funder-added.png")
    for path in ("/", "/en/", "/over-los/"):
        assert f'alt="{alt}"' in footer(path), path
