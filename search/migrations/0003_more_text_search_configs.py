"""Text search configurations for the microsite's other languages (Arabic, French, Spanish), made like those of
0002 (``unaccent`` before the language's Snowball stemmer). A no-op on other databases."""

import importlib

from django.db import migrations

BASE = importlib.import_module("search.migrations.0002_postgres_text_search_configs")

CONFIGS = {
    "los_arabic": ("arabic", "arabic_stem"),
    "los_french": ("french", "french_stem"),
    "los_spanish": ("spanish", "spanish_stem"),
}


def create_configs(apps, schema_editor):
    BASE.create(schema_editor, CONFIGS)


def drop_configs(apps, schema_editor):
    BASE.drop(schema_editor, CONFIGS)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_text_search_configs")]

    operations = [migrations.RunPython(create_configs, drop_configs)]
