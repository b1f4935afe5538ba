"""Translators' link overrides stored before the check in editors/translation_links.py existed: the same check, once.

A `javascript:` address a translator set before that check was only refused when the override was saved again, and
publishing the translation still wrote it into the page. This marks every stored unsafe override as an error, as
the check does on save, so that wagtail-localize builds translations without it (the source's address stays) and
the translation editor shows why.

The tables are read through the historical models. The page type's fields are looked up on the current class
(`translation_links.source_model`): that is safe because only its field definitions are read, never its table,
and it is what decides today where a translation puts the value.
"""

from django.db import migrations


def mark_unsafe_links(apps, schema_editor):
    from editors.translation_links import mark_stored_unsafe_links

    mark_stored_unsafe_links(
        apps.get_model("wagtail_localize", "SegmentOverride").objects,
        apps.get_model("wagtail_localize", "TranslationSource").objects,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        # wagtail_localize's own migrations name Wagtail's Revision without depending on the migration making it.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mark_unsafe_links, migrations.RunPython.noop, elidable=True)]
