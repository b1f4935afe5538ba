"""The layout rules of docs/architecture.md that a test can check, so that they stay true."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
MAX_MODULE_LINES = 400
MAX_HOME_MODULES = 16
# cms/ is the composition root (its urls.py and api.py wire every app together), not a base app.
BASE = ["security", *settings.BASE_APPS]


def _modules(app: str) -> list[Path]:
    return sorted(p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts)


def _imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _our_folders() -> list[str]:
    """Every top-level folder holding Python of ours: the apps, but also bench/ and tests/ (the rule is for every
    module a newcomer reads), not the virtualenv or other hidden folders."""
    return sorted(
        p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".") and next(p.rglob("*.py"), None)
    )


def test_every_app_is_checked_for_size():
    assert {"cms", "security", "bench", "tests", *settings.LOCAL_APPS} <= set(_our_folders())


@pytest.mark.parametrize("folder", [*_our_folders(), "."])
def test_no_module_over_the_readable_size(folder):
    modules = _modules(folder) if folder != "." else sorted(ROOT.glob("*.py"))
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in modules
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"split these along their seams (docs/architecture.md): {too_long}"


def test_home_is_the_site_shell_only():
    own = [p for p in _modules("home") if p.name != "__init__.py"]
    assert len(own) <= MAX_HOME_MODULES, [str(p.relative_to(ROOT)) for p in own]


@pytest.mark.parametrize("app", BASE)
def test_base_apps_do_not_import_feature_apps(app):
    features = set(settings.FEATURE_APPS) | set(settings.TOOL_APPS)
    wrong = {str(p.relative_to(ROOT)): sorted(_imported_apps(p) & features) for p in _modules(app)}
    wrong = {path: apps for path, apps in wrong.items() if apps}
    assert not wrong, f"base apps must not depend on feature apps; let the feature register itself: {wrong}"
