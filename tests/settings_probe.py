"""Settings as a settings module makes them for a given environment, read in this process.

Importing a settings module is plain Python, so there is no need to start a Python process (and Django) per
case: the module is imported afresh with `os.environ` replaced, and the running test settings, the environment
and `sys.modules` are restored afterwards. Checks that need Django set up with those settings (`check
--deploy`, a server) still start a process of their own.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Iterator
from types import ModuleType

# What a process started by a shell would keep of the environment; everything else comes from the test.
KEPT = ("PATH", "HOME", "LANG", "TMPDIR")
PACKAGE = "cms.settings"


@contextlib.contextmanager
def _fresh_settings(env: dict[str, str]) -> Iterator[None]:
    saved_environ = dict(os.environ)
    saved_modules = {name: module for name, module in sys.modules.items() if name.startswith(PACKAGE)}
    for name in saved_modules:
        del sys.modules[name]
    os.environ.clear()
    os.environ.update({key: value for key, value in saved_environ.items() if key in KEPT}, **env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved_environ)
        for name in [name for name in sys.modules if name.startswith(PACKAGE)]:
            del sys.modules[name]
        sys.modules.update(saved_modules)
        sys.modules["cms"].settings = saved_modules[PACKAGE]


def load_settings(module: str, **env: str) -> ModuleType:
    """The settings module `module` (e.g. "cms.settings.production") imported with exactly `env` (plus PATH,
    HOME, LANG, TMPDIR). Raises what the module raises (ImproperlyConfigured for a missing secret)."""
    with _fresh_settings(env):
        return importlib.import_module(module)
