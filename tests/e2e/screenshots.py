"""Screenshots for people to look at (the phone layouts at 320 px and with doubled text, the Dutch admin screens,
the import steps).

Written only when `LOS_E2E_SCREENSHOTS` names a folder (`LOS_E2E_SCREENSHOTS=/tmp/shots make test`), under the
subfolder the test gives; a normal run writes nothing outside its temporary folders and spends no time on them.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from playwright.sync_api import Page

# Images load lazily: those on the screen must be there before it is taken (a broken one counts as there).
SCREEN_IMAGES_LOADED = """() => [...document.images].every(img => {
    const box = img.getBoundingClientRect();
    return img.complete || box.bottom < 0 || box.top > innerHeight;
})"""


def _path(name: str) -> Path | None:
    folder = os.environ.get("LOS_E2E_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def keep_screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    if path := _path(name):
        if full_page:
            # A full-page picture never scrolls, so a lazy image below the first screen (the footer's funder logos)
            # would show as an empty box: load them all, as they load for a visitor who scrolls down.
            page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
            page.wait_for_function("() => [...document.images].every(img => img.complete)")
        page.screenshot(path=str(path), full_page=full_page)


def keep_screens(page: Page, name: str, *, most: int = 8) -> None:
    """The page as a visitor scrolls through it, its screens joined into one picture (at most `most` screens).

    For a page whose text size was set through the DevTools protocol (Page.setFontSizes, the phone test's doubled
    text): a full-page screenshot resizes the emulated screen, which undoes that setting until the next navigation,
    so it would show the text at its normal size (seen with Chromium 156). Each screen after the first overlaps the
    one before by a quarter and only its lower part is used, so a bar that stays at the top (the microsite's quick
    exit) shows once and the lines it covers come from the screen before."""
    if not (path := _path(name)):
        return
    from PIL import Image

    height = page.viewport_size["height"]
    overlap = height // 4
    total = min(page.evaluate("document.documentElement.scrollHeight"), height * most)
    sheet = None
    for top in range(0, max(total - overlap, 1), height - overlap):
        page.evaluate("top => window.scrollTo(0, top)", top)
        page.wait_for_function(SCREEN_IMAGES_LOADED)
        screen = Image.open(io.BytesIO(page.screenshot()))
        if sheet is None:
            sheet = Image.new("RGB", (screen.width, total), "white")
            sheet.paste(screen, (0, 0))
            continue
        # The last screen stops at the page's end: place it where the page really scrolled to.
        scrolled = min(page.evaluate("window.scrollY"), total - screen.height)
        sheet.paste(screen.crop((0, overlap, screen.width, screen.height)), (0, scrolled + overlap))
    sheet.save(path)
