"""An index on the page id as text (PostgreSQL only; a no-op elsewhere).

Wagtail's search joins its index table to the page by ``page.id::varchar = indexentry.object_id`` (the index's
object ids are text, for every model). Without an index on that expression a search read every page row to
find the few that matched a rare word (a sequential scan of 100,000 pages: 141 of 141 ms under load); with it
the join is an index probe per match (21 ms; docs/benchmarks/search.md)."""

from django.db import migrations

NAME = "search_page_id_text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} (((id)::varchar(50)))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_index_entry_match_index"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
