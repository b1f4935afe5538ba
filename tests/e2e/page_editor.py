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
    """Open the editor's preview panel and give its rendered page. Wagtail posts the form, renders the preview in a
    second, hidden iframe and only when that one has loaded gives it the id `w-preview-iframe` (the first iframe
    is empty). This waits for that swap: two server round trips and a page load, which took longer than five
    seconds on a busy machine (seen in CI; the e2e conftest sets how long any expectation waits)."""
    page.locator("[data-side-panel-toggle='preview']").click()
    expect(page.locator("#w-preview-iframe[src*='in_preview_panel']")).to_be_attached()
    return page.frame_locator("#w-preview-iframe")
