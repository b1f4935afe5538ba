"""The one loader of demo content: reads every app's `demo/*.yaml` (settings.LOCAL_APPS order, files by name),
checks all of it before writing anything, then finds or makes each entry in order.

Idempotent: an object that exists is recognised (a page by parent and slug, a snippet by its external_id, slug,
name, title, site or page, an image or document by title, a translation by its language) and left as it is, so a
second run adds nothing. Each app's entries load in one transaction.

Safe on a live database by refusing: those ways of recognising use slugs and names that staff change, so on a
database where people have worked a renamed funder or a corrected slug would come back as a second copy. Once
anyone has worked in the admin (`staff_work`), `load` changes nothing and says why. The format
is described in docs/demo-content.md; entries and kinds in demo/data.py and demo/kinds.py.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from django.db import transaction

from demo import kinds
from demo.data import Catalogue, Entry, read
from demo.kinds import State
from demo.translations import check_translate, load_translate
from demo.values import DemoDataError

HANDLERS: dict[str, tuple[Callable, Callable]] = {
    "page": (kinds.check_page, kinds.load_page),
    "snippet": (kinds.check_snippet, kinds.load_snippet),
    "setting": (kinds.check_setting, kinds.load_setting),
    "site": (kinds.check_site, kinds.load_site),
    "locale": (kinds.check_locale, kinds.load_locale),
    "image": (kinds.check_image, kinds.load_image),
    "document": (kinds.check_document, kinds.load_document),
    "submissions": (kinds.check_submissions, kinds.load_submissions),
    "generated": (kinds.check_generated, kinds.load_generated),
    "translate": (check_translate, load_translate),
}


def _located(entry: Entry, error: DemoDataError) -> DemoDataError:
    """The error with the file and key in front, if it does not name them yet."""
    return error if getattr(error, "located", False) else entry.error(str(error))


def check(catalogue: Catalogue) -> None:
    """Raise a DemoDataError naming the file and key of the first entry that cannot be loaded: an unknown kind
    of entry, model, field or block, a reference to a key that does not exist (or only further on), a value in
    the wrong form."""
    for entry in catalogue.entries:
        try:
            HANDLERS[entry.kind][0](entry, catalogue)
        except DemoDataError as error:
            raise _located(entry, error) from None


class StaffHaveWorked(Exception):
    """The database holds work of people (the message says whose, and when): the demo loader does not touch it."""


def staff_work() -> str:
    """What shows that people have worked in this database, as a sentence ('' when nothing does): the latest
    thing a logged-in user did in the admin (Wagtail logs every create, edit, publish, unpublish, move and
    delete of pages, snippets, settings, images and documents with its user; the loader's own actions carry no
    user). Changes made outside the admin (a Django shell) leave no trace and are not seen."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    latest = [
        entry
        for entry in (
            PageLogEntry.objects.exclude(user=None).order_by("-timestamp").first(),
            ModelLogEntry.objects.exclude(user=None).order_by("-timestamp").first(),
        )
        if entry is not None
    ]
    if not latest:
        return ""
    entry = max(latest, key=lambda e: e.timestamp)
    return f"{entry.user_display_name} ({entry.action}, {entry.timestamp:%d-%m-%Y %H:%M})"


def load(catalogue: Catalogue | None = None, *, log: Callable[[str], None] = print) -> State:
    """Check, then load every entry of `catalogue` (default: all demo data files); returns what was loaded,
    with the object of every entry by full name (`app:key`) and the number of objects made."""
    catalogue = read() if catalogue is None else catalogue
    check(catalogue)
    if worked := staff_work():
        raise StaffHaveWorked(
            f"Er is al gewerkt in deze database (laatst: {worked}). De demo-inhoud wordt niet geladen: dat zou "
            "pagina's, snippets en instellingen die mensen hebben aangepast kunnen terugzetten of verdubbelen. "
            "Er is niets veranderd."
        )
    state = State(catalogue=catalogue, log=log)
    for _app, entries in groupby(catalogue.entries, key=lambda entry: entry.app):
        with transaction.atomic():
            for entry in entries:
                try:
                    made = HANDLERS[entry.kind][1](entry, state)
                except DemoDataError as error:
                    raise _located(entry, error) from None
                if made is not None:
                    state.objects[entry.name] = made
                state.fill_waiting()
        if state.waiting:  # check() allows a page field to wait only for an entry of the same app
            entry, _page, fields = state.waiting[0]
            raise entry.error(f"velden {sorted(fields)} verwijzen naar iets dat niet gemaakt is")
    return state
