"""LOS's three themes exist on every install, so editors can tag content from the first day."""

import uuid

from django.conf import settings
from django.db import migrations

THEMES = [
    ("basisrechten", "Basisrechten", "Onderdak, medische zorg, onderwijs en rechtshulp voor mensen zonder verblijfsvergunning.", 1),
    ("routes-naar-verblijf", "Routes naar verblijf", "Wegen naar een verblijfsvergunning en terugkeer, en wat daarbij komt kijken.", 2),
    ("controle-en-detentie", "Controle en detentie", "Toezicht, vreemdelingendetentie, uitzetting en strafbaarstelling van illegaal verblijf.", 3),
]


def seed_themes(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("home", "Theme")
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.first()
    if locale is None:
        return
    for slug, name, description, order in THEMES:
        Theme.objects.get_or_create(
            slug=slug,
            locale=locale,
            defaults={"name": name, "description": description, "sort_order": order, "translation_key": uuid.uuid4()},
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0054_initial_locale")]

    operations = [migrations.RunPython(seed_themes, migrations.RunPython.noop)]
