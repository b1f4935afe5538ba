"""axe-core (bundled by axe-playwright-python) on the page a test has open: the WCAG 2.0-2.2 A and AA rules."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe, AxeResults
from playwright.sync_api import Page

# resultTypes: every violation is reported in full, but the rules that pass (most of them) are reported with one
# element each instead of every element they checked. That is axe-playwright-python's own default, which passing
# options replaces; without it each run sent back a few hundred kB of passes (the phone test, 41 pages: ~3 s less).
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
_AXE = Axe()


def axe_check(page: Page) -> AxeResults:
    return _AXE.run(page, options=WCAG_AA)
