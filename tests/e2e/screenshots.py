"""Screenshots for people to look at (the 320 px layouts, the Dutch admin screens, the import steps).

Written only when `LOS_E2E_SCREENSHOTS` names a folder (`LOS_E2E_SCREENSHOTS=/tmp/shots make test`), under the
subfolder the test gives; a normal run writes nothing outside its temporary folders and spends no time on them.
"""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Page


def keep_screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    folder = os.environ.get("LOS_E2E_SCREENSHOTS")
    if not folder:
        return
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
