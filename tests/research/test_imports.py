"""Imports inside the research app point one way: the models use the modules below, which never import them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RESEARCH = Path(__file__).resolve().parents[2] / "research"
# What the models import at module level; an import of the models back would be a cycle.
USED_BY_MODELS = [
    "blocks.py",
    "choices.py",
    "identifiers.py",
    "localizing.py",
    "pdf.py",
    "feeds.py",
    *(f"citations/{path.name}" for path in sorted((RESEARCH / "citations").glob("*.py"))),
]


@pytest.mark.parametrize("name", USED_BY_MODELS)
def test_module_used_by_the_models_does_not_import_them(name):
    tree = ast.parse((RESEARCH / name).read_text(encoding="utf-8"))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in tree.body  # module level only: imports under `if TYPE_CHECKING:` are for annotations
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [module for module in imported if module and module.startswith("research.models")]
