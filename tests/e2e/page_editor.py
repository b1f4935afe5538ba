"""Steps in Wagtail's page editor that wait for its scripts, as a person waits until the page is ready."""

from __future__ import annotations

from playwright.sync_api import FrameLocator, Locator, Page, expect


def open_more_actions(page: Page, within: Locator | None = None) -> None:
    """Open the editor's "Meer acties" menu (publish, submit for review). Its dropdown script (tippy) marks the
    button `aria-expanded="false"` when it has started; a click before that does nothing, and the menu stays shut
    (seen on a busy machine). So: wait for the script, click, and check that the menu opened."""
    toggle = (within or page).get_by_role("button", name="Meer acties")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def open_preview(page: Page) -> FrameLocator:
    """Open the editor's preview panel and give its rendered page.

    The toggle is in the page before Wagtail's script listens to it: a click before that is lost and the panel stays
    shut (seen in CI on a busy machine, the toggle not expanded after 15 s). So: wait until the page's scripts
    have run, click, and check that the panel opened. Wagtail then posts the form, renders the preview in a second,
    hidden iframe and only when that one has loaded gives it the id `w-preview-iframe` (the first is empty)."""
    toggle = page.locator("[data-side-panel-toggle='preview']")
    page.wait_for_load_state("load")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#w-preview-iframe[src*='in_preview_panel']")).to_be_attached()
    return page.frame_locator("#w-preview-iframe")


def upload_in_image_chooser(page: Page, file: dict, title: str, alt: str, check_tab=None) -> None:
    """Open the form's (first) image chooser, upload `file` (Playwright's name/mimeType/buffer) on its "Uploaden"
    tab with a title and alternative text, and wait until the chooser has closed with the new image chosen.
    `check_tab(tab)`, if given, looks at the upload tab first (e.g. which collections it offers)."""
    page.get_by_role("button", name="Kies een afbeelding").first.click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name="Uploaden").click()
    upload = modal.get_by_role("tabpanel", name="Uploaden")
    expect(upload).to_be_visible()
    if check_tab:
        check_tab(upload)
    upload.get_by_label("Bestand").set_input_files(file)
    upload.get_by_label("Titel").fill(title)
    upload.get_by_label("Beschrijving (alternatieve tekst)").fill(alt)
    modal.get_by_role("button", name="Uploaden").click()
    expect(modal).to_have_count(0)
