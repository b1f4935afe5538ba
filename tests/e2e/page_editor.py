"""Steps in Wagtail's page editor that wait for its scripts, as a person waits until the page is ready."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def open_more_actions(page: Page, within: Locator | None = None) -> None:
    """Open the editor's "Meer acties" menu (publish, submit for review). Its dropdown script (tippy) marks the
    button `aria-expanded="false"` when it has started; a click before that does nothing, and the menu stays shut
    (seen on a busy machine). So: wait for the script, click, and check that the menu opened."""
    toggle = (within or page).get_by_role("button", name="Meer acties")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
