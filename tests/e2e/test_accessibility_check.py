"""The accessibility check the phone and embed tests rely on (tests/e2e/accessibility.py) still finds what it must:
every element of a violation, on a page without an image's alt text, a title or enough contrast."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .accessibility import axe_check

pytestmark = pytest.mark.e2e


def test_the_axe_check_reports_every_element_of_each_violation(page: Page):
    page.set_content(
        '<html lang="nl"><body><main><img src="a.png"><img src="b.png">'
        '<p style="color: #aaa; background: #fff">Grijs op wit</p></main></body></html>'
    )
    violations = {rule["id"]: len(rule["nodes"]) for rule in axe_check(page).response["violations"]}
    assert violations == {"image-alt": 2, "document-title": 1, "color-contrast": 1}
