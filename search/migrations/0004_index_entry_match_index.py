"""A GIN index on ``title || body`` of Wagtail's search index table (PostgreSQL only; a no-op elsewhere).

Wagtail's PostgreSQL search matches ``(title || body) @@ query``, but the table has GIN indexes on ``title`` and
``body`` apart, which that expression cannot use: every search read and concatenated every entry's vectors
(a sequential scan, 2 s for a common word at 100,000 news items). With an index on the very expression the
match is a bitmap index scan (docs/benchmarks/README.md, the search table)."""

from django.db import migrations

NAME = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_more_text_search_configs"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
