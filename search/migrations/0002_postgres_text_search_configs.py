"""PostgreSQL text search configurations per language with accent folding (unaccent before the stemmer).

A no-op on other databases. ``unaccent`` is a trusted extension (PostgreSQL 13+), so the database owner may
create it. https://www.postgresql.org/docs/current/unaccent.html
"""

from django.db import migrations

CONFIGS = {"los_dutch": ("dutch", "dutch_stem"), "los_english": ("english", "english_stem")}


def create(schema_editor, configs):
    """Create ``configs`` (name: (parent configuration, stemmer)) with unaccent before the stemmer; 0003 reuses it."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (parent, stemmer) in configs.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{parent})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}"
        )


def drop(schema_editor, configs):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in configs:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


def create_configs(apps, schema_editor):
    create(schema_editor, CONFIGS)


def drop_configs(apps, schema_editor):
    drop(schema_editor, CONFIGS)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_data")]

    operations = [migrations.RunPython(create_configs, drop_configs)]
