"""Reading the demo data files: every `<app>/demo/*.yaml` of settings.LOCAL_APPS, in that order (files by name),
as a list of entries, and resolving the keys entries use to refer to each other.

A file is a YAML list of entries. Every entry starts with its `key` (unique within its app), then its kind, which
says what it is and names it: `page: news.NewsPage`, `snippet: home.Theme`, `setting: home.OrganisationSettings`,
`site: default`, `locale: en`, `image: <title>`, `document: <title>`, `submissions: <form page>`,
`translate: [...]`. A reference is the key of an entry of the same app (`helpdesk`) or `app:key` for another
app's (`home:home`). docs/demo-content.md describes the format for editors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.conf import settings

from demo.values import DemoDataError

KINDS = ("page", "snippet", "setting", "site", "locale", "image", "document", "submissions", "generated", "translate")
ROOT = "root"  # Wagtail's tree root, the parent of every site's home page


@dataclass
class Entry:
    """One entry of a data file: its app, file, key, kind, the value of the kind field and its other fields."""

    app: str
    path: Path
    key: str
    kind: str
    value: Any
    data: dict[str, Any]
    position: int = 0

    @property
    def name(self) -> str:
        return f"{self.app}:{self.key}"

    @property
    def where(self) -> str:
        return f"{_shown(self.path)}, key '{self.key}'"

    def error(self, message: str) -> DemoDataError:
        error = DemoDataError(f"{self.where}: {message}")
        error.located = True
        return error


@dataclass
class Catalogue:
    """Every entry in load order, by full name (`app:key`)."""

    entries: list[Entry]
    by_name: dict[str, Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for position, entry in enumerate(self.entries):
            entry.position = position
            other = self.by_name.get(entry.name)
            if other is not None:
                raise entry.error(f"deze key staat ook in {_shown(other.path)}; een key komt één keer voor per app")
            self.by_name[entry.name] = entry

    def target(self, entry: Entry, reference: Any) -> Entry:
        """The entry `reference` (written in `entry`) names, or a DemoDataError."""
        if not isinstance(reference, str) or not reference:
            raise entry.error(f"een key verwacht, niet {reference!r}")
        name = reference if ":" in reference else f"{entry.app}:{reference}"
        target = self.by_name.get(name)
        if target is None:
            raise entry.error(f"verwijst naar '{reference}', maar die key bestaat niet")
        return target


class Pending(Exception):
    """A reference to an entry that has not been loaded yet (a page field may wait for it)."""


class CheckResolver:
    """While checking: a reference must name an entry loaded before this one (or, with `later`, any entry of the
    same app: page fields are filled in once what they refer to exists)."""

    def __init__(self, catalogue: Catalogue, entry: Entry, *, later: bool = False) -> None:
        self.catalogue, self.entry, self.later = catalogue, entry, later

    def __call__(self, reference: Any) -> None:
        target = self.catalogue.target(self.entry, reference)
        if target.kind in ("translate", "submissions", "generated"):
            raise self.entry.error(f"verwijst naar '{reference}', een {target.kind}-item: verwijs naar één ding")
        if target.position >= self.entry.position and not (self.later and target.app == self.entry.app):
            raise self.entry.error(f"verwijst naar '{reference}', dat pas verderop in de demo-gegevens staat")
        return None


class LoadResolver:
    """While loading: the object made for the entry a reference names."""

    def __init__(self, catalogue: Catalogue, objects: dict[str, Any], entry: Entry) -> None:
        self.catalogue, self.objects, self.entry = catalogue, objects, entry

    def __call__(self, reference: Any) -> Any:
        target = self.catalogue.target(self.entry, reference)
        if target.name not in self.objects:
            raise Pending(target.name)
        return self.objects[target.name]


def data_files() -> list[tuple[str, Path]]:
    """(app label, file) for every demo data file, in load order."""
    files = []
    for app in settings.LOCAL_APPS:
        folder = Path(apps.get_app_config(app).path) / "demo"
        files += [(app, path) for path in sorted(folder.glob("*.yaml"))]
    return files


def read_file(app: str, path: Path) -> list[Entry]:
    """The entries of one data file, in order."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DemoDataError(f"{_shown(path)}: geen geldige YAML: {error}") from error
    if content is None:
        return []
    if not isinstance(content, list):
        raise DemoDataError(f"{_shown(path)}: een lijst van items verwacht ('- key: ...')")
    entries = []
    for number, item in enumerate(content, start=1):
        names = list(item) if isinstance(item, dict) else []
        if names[:1] != ["key"] or not isinstance(item["key"], str) or not item["key"]:
            raise DemoDataError(f"{_shown(path)}, item {number}: elk item begint met 'key: ...'")
        if len(names) < 2 or names[1] not in KINDS:
            raise DemoDataError(
                f"{_shown(path)}, key '{item['key']}': na de key volgt de soort, een van {', '.join(KINDS)}"
            )
        data = dict(item)
        key, kind = data.pop("key"), names[1]
        value = data.pop(kind)
        entries.append(Entry(app=app, path=path, key=key, kind=kind, value=value, data=data))
    return entries


def read(files: list[tuple[str, Path]] | None = None) -> Catalogue:
    """Every entry of `files` (default: all demo data files), checked for duplicate keys."""
    entries = []
    for app, path in data_files() if files is None else files:
        entries += read_file(app, path)
    return Catalogue(entries)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)
