"""A visitor filters the news by theme and opens an item; an editor (the Redactie) reacts to the news from the
admin's menu, publishes the reaction, and it appears in the news listing and in the feed; the Eindredactie adds a
theme that the Redactie gives an item and visitors filter by."""

from __future__ import annotations

import re
import urllib.request

import feedparser
import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Collection

from editors.roles import EINDREDACTIE, LOS_COLLECTION, REDACTIE
from tests.e2e.page_editor import open_more_actions
from tests.e2e.test_editors_dutch import english_words


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), "teal").save(buffer, "PNG")
    return buffer.getvalue()


PHOTO = {"name": "nachtopvang.png", "mimeType": "image/png", "buffer": _png()}

pytestmark = pytest.mark.e2e


def test_visitor_filters_news_by_theme_and_opens_an_item(page: Page, live_site: str):
    requested_hosts: set[str] = set()
    page.on("request", lambda request: requested_hosts.add(re.sub(r"^https?://([^/]+).*", r"\1", request.url)))

    page.goto(live_site + "/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Nieuws").click()
    expect(page).to_have_url(live_site + "/nieuws/")
    expect(page.get_by_role("heading", level=1, name="Nieuws")).to_be_visible()

    page.get_by_label("Thema", exact=True).select_option(label="Controle en detentie")
    page.get_by_role("button", name="Toon berichten").click()
    expect(page).to_have_url(re.compile(r"/nieuws/\?theme=controle-en-detentie"))
    expect(page.get_by_role("link", name=re.compile("Controle en detentie.*filter weghalen"))).to_be_visible()
    # Only items of that theme are listed.
    cards = page.locator(".news-card")
    expect(cards.first).to_be_visible()
    for index in range(cards.count()):
        expect(cards.nth(index).locator(".news-card__themes")).to_contain_text("Controle en detentie")

    first = cards.first.locator(".news-card__title a")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("complementary", name="Delen").get_by_role("link", name="WhatsApp")).to_be_visible()
    assert requested_hosts == {live_site.removeprefix("http://")}


def test_editor_reacts_to_the_news_and_it_is_published(staff_page, live_site: str):
    """As the least-privileged group that reacts and publishes itself (editors/roles.py: the Redactie; Stagiairs
    react too, but submit for approval, test_editors_moderation.py's flow)."""
    page = staff_page(REDACTIE)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Reageer op nieuws").click()
    expect(page.get_by_role("heading", name="Reageer op nieuws")).to_be_visible()
    page.get_by_label("Adres van het artikel").fill("https://nos.nl/artikel/2026-noodopvang")
    page.get_by_label("Naam van de bron").fill("NOS")
    reaction = "Noodopvang sluiten in de winter is onverantwoord"
    page.get_by_label("Reactie in één zin").fill(reaction)
    page.get_by_label("Samenvatting").fill(
        "De gemeente sluit de noodopvang op 1 december; LOS vraagt het kabinet in te grijpen."
    )
    page.get_by_label("Basisrechten").check()
    # The photo in the same form (6 clicks from the dashboard to published, was 10: see the issue 16 note).
    page.get_by_label("Foto (optioneel)").set_input_files(PHOTO)
    page.get_by_label("Wat staat er op de foto?").fill("Mensen in de rij voor de nachtopvang.")
    page.get_by_role("button", name="Concept maken en verder bewerken").click()

    # The normal page editor, with our draft.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator("#id_title")).to_have_value(reaction)
    open_more_actions(page, within=page.locator("footer"))
    page.locator("footer").get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text(f"Pagina '{reaction}' is gepubliceerd.")).to_be_visible()

    # The photo is in the main site's collection, where the Redactie finds it again.
    page.goto(f"{live_site}/admin/images/?collection_id={Collection.objects.get(name=LOS_COLLECTION).pk}")
    expect(page.get_by_role("link", name=reaction)).to_be_visible()

    page.goto(live_site + "/nieuws/")
    expect(page.get_by_role("link", name=reaction)).to_be_visible()
    expect(page.get_by_alt_text("Mensen in de rij voor de nachtopvang.").first).to_be_visible()
    page.goto(live_site + "/nieuws/?kind=reactie&theme=basisrechten")
    expect(page.locator(".news-card__title").first).to_have_text(reaction)

    with urllib.request.urlopen(live_site + "/nieuws/feed/rss/", timeout=10) as response:  # noqa: S310 - local
        feed = feedparser.parse(response.read())
    assert not feed.bozo
    assert feed.entries[0].title == reaction


def test_the_eindredactie_adds_a_theme_the_redactie_uses_it_and_visitors_filter_by_it(staff_page, live_site: str):
    """Thema's › Thema toevoegen is the Eindredactie's (editors/roles.py); the Redactie then ticks the new theme on
    a published news item, and the visitors' theme filter offers it and lists that item."""
    from news.models import NewsPage

    item = NewsPage.objects.filter(locale__language_code="nl").live().order_by("-publication_date", "-pk").first()
    themes = staff_page(EINDREDACTIE, "/admin/snippets/home/theme/add/")
    assert english_words(themes) == set()
    themes.locator("#id_name").fill("Gezondheidszorg")
    themes.locator("#id_slug").fill("gezondheidszorg")
    themes.get_by_role("button", name="Opslaan").click()
    expect(themes.locator(".messages")).to_contain_text("Gezondheidszorg")

    editor = staff_page(REDACTIE, f"/admin/pages/{item.pk}/edit/")
    editor.get_by_label("Gezondheidszorg").check()
    open_more_actions(editor)
    editor.get_by_role("button", name="Publiceren").click()
    expect(editor.locator(".messages")).to_contain_text("is gepubliceerd")

    editor.goto(live_site + "/nieuws/")
    editor.get_by_label("Thema", exact=True).select_option(label="Gezondheidszorg")
    editor.get_by_role("button", name="Toon berichten").click()
    expect(editor).to_have_url(re.compile(r"/nieuws/\?theme=gezondheidszorg"))
    expect(editor.locator(".news-card__title")).to_have_text([item.title])
