"""Text search configurations for the microsite's other languages (Arabic, French, Spanish), made like those of
0002 (``unaccent`` before the language's Snowball stemmer). A no-op on other databases."""

from django.db import migrations

CONFIGS = {
    "los_arabic": ("arabic", "arabic_stem"),
    "los_french": ("french", "french_stem"),
    "los_spanish": ("spanish", "spanish_stem"),
}


def create_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (parent, stemmer) in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}"
        )


def drop_configs(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_text_search_configs")]

    operations = [migrations.RunPython(create_configs, drop_configs)]
