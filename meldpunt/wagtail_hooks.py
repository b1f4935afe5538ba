"""Wagtail loads this module: the register import's admin URLs and menu item (meldpunt/import_hooks.py)."""

from meldpunt import import_hooks  # noqa: F401 - registers its hooks on import
