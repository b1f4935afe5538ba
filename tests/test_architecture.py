"""The layout rules of docs/architecture.md that a test can check, so that they stay true."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
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


def _imported_top_levels(path: Path) -> set[str]:
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
    wrong = {str(p.relative_to(ROOT)): sorted(_imported_top_levels(p) & features) for p in _modules(app)}
    wrong = {path: apps for path, apps in wrong.items() if apps}
    assert not wrong, f"base apps must not depend on feature apps; let the feature register itself: {wrong}"


# Where one feature app really uses another (docs/architecture.md, "Imports only go down"). Anything else a feature
# takes from another is a shared part that belongs in a base app (as the spreadsheet import and the disclosure
# control once lived in events/ and figures/).
FEATURE_USES = {
    ("research", "search"): "publications' ?q= goes through the search service; its search family",
    ("news", "search"): "its search family (search_families.py registers with search.registry)",
    ("events", "search"): "its search family (agenda items as search results)",
    ("campaigns", "search"): "its search family",
    ("newsletter", "search"): "its search family",
    ("news", "figures"): "the shelter-figures chart block in news bodies",
    ("news", "meldpunt"): "the Meldpunt chart block in news bodies",
    ("research", "figures"): "the shelter-figures chart block in publication bodies",
    ("research", "meldpunt"): "the Meldpunt chart block in publication bodies (the annual report)",
    ("campaigns", "newsletter"): "the support block on campaign pages, the support ask on the home page",
    ("newsletter", "news"): "an issue lists news items",
    ("newsletter", "research"): "an issue lists publications",
    ("newsletter", "events"): "an issue lists agenda items",
}


def test_feature_apps_use_each_other_only_where_the_docs_say():
    features = set(settings.FEATURE_APPS)
    found = {}
    for app in features:
        for path in _modules(app):
            for other in (_imported_top_levels(path) & features) - {app}:
                found.setdefault((app, other), str(path.relative_to(ROOT)))
    unexpected = {use: path for use, path in found.items() if use not in FEATURE_USES}
    assert not unexpected, (
        f"a feature app imports another: move the shared part to a base app, or if one feature really uses the "
        f"other, say why in FEATURE_USES and docs/architecture.md: {unexpected}"
    )
    assert set(FEATURE_USES) <= set(found), f"no longer used, remove: {sorted(set(FEATURE_USES) - set(found))}"


def _declared(requirements: list[str]) -> dict[str, str]:
    """Distribution name (normalised) -> its version range, from pyproject's requirement strings."""
    parsed = (re.match(r"([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*([^;]*)", r) for r in requirements)
    return {re.sub(r"[-_.]+", "-", m[1]).lower(): m[2].strip() for m in parsed}


def test_every_imported_package_is_declared_with_a_compatible_release_range():
    """What our code imports is declared in pyproject.toml with `~=` (the issue's rule), not merely installed
    because another package needs it today: the app's modules, bench/ and top-level files in the dependencies,
    the tests' in the dependencies or the dev extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _declared(project["dependencies"])
    for_tests = {**runtime, **_declared(project["optional-dependencies"]["dev"])}
    ours = set(_our_folders())
    distributions = packages_distributions()
    wrong = {}
    for folder in [*_our_folders(), "."]:
        declared = for_tests if folder == "tests" else runtime
        for path in _modules(folder) if folder != "." else sorted(ROOT.glob("*.py")):
            for name in _imported_top_levels(path) - ours - set(sys.stdlib_module_names):
                for dist in distributions.get(name, [name]):
                    if not declared.get(re.sub(r"[-_.]+", "-", dist).lower(), "").startswith("~="):
                        wrong.setdefault(dist, str(path.relative_to(ROOT)))
    assert not wrong, f"declare these in pyproject.toml with a compatible-release range (~=): {wrong}"


def test_the_e2e_tests_share_one_worker(request):
    """Under `make test` (pytest-xdist, `--dist loadgroup`) every e2e test carries the group suffix pytest-xdist
    schedules by, so one worker runs them all with one server and one browser (tests/e2e/conftest.py). A pytest
    release that drops the suffix (9.2 did: see pyproject.toml) spreads them silently; the suite still passes, only
    slower, so this test is what notices."""
    if not getattr(request.config.option, "loadgroup", False):  # what pytest-xdist sets on its workers for it
        pytest.skip("checks the grouping of a pytest-xdist worker under --dist loadgroup, as `make test` runs")
    from tests.e2e.conftest import E2E_GROUP

    e2e = [item.nodeid for item in request.session.items if item.get_closest_marker("e2e")]
    ungrouped = [nodeid for nodeid in e2e if not nodeid.endswith(f"@{E2E_GROUP}")]
    assert not ungrouped, f"pytest-xdist does not group these e2e tests on one worker: {ungrouped[:3]}"
