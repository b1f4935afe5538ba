"""Compile every .po catalogue of the project into .mo files.

Django's `compilemessages` shells out to GNU gettext's `msgfmt`, which a fresh machine with only Python does not
have; polib (a wagtail-localize dependency) writes the same .mo files in pure Python.
"""

from __future__ import annotations

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogue_dirs() -> list[Path]:
    """The project's locale folders: LOCALE_PATHS and the `locale/` folder of each of our own apps."""
    dirs = [Path(path) for path in settings.LOCALE_PATHS]
    for app in settings.LOCAL_APPS:
        dirs.append(Path(apps.get_app_config(app.split(".")[-1]).path) / "locale")
    return [path for path in dirs if path.is_dir()]


class Command(BaseCommand):
    help = "Zet de vertaalbestanden (.po) om naar .mo-bestanden, zonder GNU gettext."

    def handle(self, *args, **options):
        compiled = 0
        for directory in catalogue_dirs():
            for po_path in sorted(directory.glob("*/LC_MESSAGES/*.po")):
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"{compiled} vertaalbestand(en) gecompileerd."))
