"""An index on the object id of Wagtail's search index table (PostgreSQL only; a no-op elsewhere).

The search page's newest matches of a common word (search/backends/database_pass.py) are found by walking the
pages newest first and looking up each page's index entry by ``object_id = page.id::varchar`` with the index's
content types as a list. Wagtail's only index for that lookup is unique on (content_type_id, object_id): one
descent per content type in the list (20) for every page walked, 116 of 137 ms for a common word at 100,000
news items. With the object id first it is one descent (46 ms; docs/benchmarks/search.md)."""

from django.db import migrations

NAME = "search_indexentry_object_id"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} (object_id, content_type_id)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_page_id_text_index"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
