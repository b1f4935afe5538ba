"""A visitor signs a petition and sees the counter move, without getting a cookie."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .page_editor import open_more_actions

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


def test_the_eindredactie_downloads_the_sign_ups_for_dutch_excel(browser, staff_page, live_site: str):
    """Issue 16, item 6: a labelled button on the sign-up list; the CSV opens in Dutch Excel (semicolons, BOM) with
    plain Dutch headings, Amsterdam time and Ja/Nee; the XLSX has the same columns. The list itself is in Dutch."""
    import csv
    import io
    from pathlib import Path

    from openpyxl import load_workbook

    from campaigns.models import SignupFormPage
    from tests.e2e.test_editors_dutch import english_words

    petition = SignupFormPage.objects.get(slug="petitie")
    visitor = browser.new_context().new_page()
    visitor.goto(live_site + "/campagnes/zorg-in-detentie/")
    visitor.get_by_label(re.compile("^Naam")).fill("Zoë de Vries")
    visitor.get_by_label(re.compile("Ik geef toestemming")).check()
    visitor.get_by_role("button", name="Teken de petitie").click()
    expect(visitor.get_by_role("heading", level=1, name="Bedankt!")).to_be_visible()
    visitor.context.close()

    # Playwright accepts downloads unless told not to.
    page = staff_page("Eindredactie", f"/admin/forms/submissions/{petition.pk}/")
    assert english_words(page) == set()
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download als CSV").click()
    raw = Path(csv_download.value.path()).read_bytes()
    assert raw.startswith("\ufeff".encode())
    heading, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert heading == ["Aangemeld op", "Naam", "Woonplaats", "Toestemming"]
    mine = [row for row in rows if row[1] == "Zoë de Vries"]
    assert len(mine) == 1 and mine[0][3] == "Ja"
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2}", mine[0][0])

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download voor Excel").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    assert [cell.value for cell in sheet[1]] == heading


def test_the_redactie_adds_a_sign_up_form_from_the_campaign(staff_page, live_site: str):
    """Issue 16, item 7: campaign and form in one pass, from a button in the campaign editor; then the form gets a
    question of its own and is published."""
    from campaigns.models import CampaignPage

    campaign = CampaignPage.objects.get(slug="zorg-in-detentie")
    page = staff_page("Redactie", f"/admin/pages/{campaign.pk}/edit/")
    page.get_by_role("link", name="Aanmeldformulier toevoegen").click()
    page.get_by_label("Belofte").check()
    page.get_by_label("Titel").fill("Beloof het mee")
    page.get_by_role("button", name="Formulier maken").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.get_by_text("‘Beloof het mee’ staat als concept onder de campagne").first).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Beloof het mee")
    # Its settings: one more question ("Voeg vraag toe"), then published, and visitors see the question.
    before = int(page.locator("#id_form_fields-TOTAL_FORMS").input_value())
    page.get_by_role("button", name="Voeg vraag toe").click()
    page.locator(f"#id_form_fields-{before}-label").fill("Beroep")
    page.locator(f"#id_form_fields-{before}-field_type").select_option("singleline")
    page.locator(f"#id_form_fields-{before}-required").uncheck()
    open_more_actions(page)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.locator(".messages")).to_contain_text("Pagina 'Beloof het mee' is gepubliceerd.")
    form = page.request.get(f"{live_site}/campagnes/zorg-in-detentie/beloof-het-mee/")
    assert form.ok and "Beroep" in form.text()
    page.goto(f"{live_site}/admin/pages/{campaign.pk}/edit/")
    # Listed in the campaign's panel, and its block is in the campaign's content (the minimap names it).
    expect(page.locator("a[href$='/edit/']", has_text="Beloof het mee")).to_be_visible()
    expect(page.locator(".w-minimap-item", has_text="Beloof het mee")).to_have_count(1)


def test_the_eindredactie_approves_an_organisation_and_the_campaign_lists_it(browser, staff_page, live_site: str):
    """An organisation signs the coalition's call on the campaign page; only after the Eindredactie approves it
    (Ondertekeningen) does the campaign list it among the signatories."""
    from tests.e2e.test_editors_dutch import english_words

    from .screenshots import keep_screenshot

    name, campaign = "Stichting Schuilplaats Zwolle", live_site + "/campagnes/geen-strafbaarstelling/"
    visitor = browser.new_context(locale="nl-NL").new_page()
    visitor.goto(campaign)
    visitor.get_by_label(re.compile("^Naam van je organisatie")).fill(name)
    visitor.get_by_label(re.compile("^E-mailadres contactpersoon")).fill("info@schuilplaats.example")
    visitor.get_by_label(re.compile("Ik geef toestemming")).check()
    visitor.get_by_role("button", name="Onderteken").click()
    expect(visitor.get_by_role("heading", level=1, name="Bedankt!")).to_be_visible()
    visitor.goto(campaign)
    signatories = visitor.locator("#teken .signatories")
    expect(signatories).to_contain_text("Diaconie Utrecht-Oost")
    expect(signatories).not_to_contain_text(name)

    page = staff_page("Eindredactie")
    page.get_by_role("link", name="Ondertekeningen").click()
    expect(page.get_by_role("heading", level=1, name="Ondertekeningen")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text("Onderteken als organisatie")
    expect(row).to_contain_text("nee")
    assert english_words(page) == set()
    keep_screenshot(page, "campaigns/sign-ons-pending.png")
    row.get_by_role("link", name=name).click()
    page.get_by_label("Goedgekeurd voor publicatie").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("row").filter(has_text=name)).to_contain_text("ja")
    keep_screenshot(page, "campaigns/sign-ons-approved.png")

    visitor.reload()
    expect(signatories.get_by_role("listitem")).to_have_text(
        ["Diaconie Utrecht-Oost", "Stichting Noodopvang Rotterdam", name]
    )
    signatories.scroll_into_view_if_needed()
    keep_screenshot(visitor, "campaigns/signatories.png")
    visitor.context.close()
