"""The editors' groups, collections and moderation workflow of editors/roles.py (see its docstring).

Replaces Wagtail's starter groups "Editors" and "Moderators" and their "Moderators approval" workflow on the
root page: every group of this site is defined in editors/roles.py, and an unassigned starter workflow on the
root would send every submitted page to a group that no longer exists. Idempotent; post_migrate and
`manage.py sync_roles` apply later changes of the definition.
"""

from django.db import migrations

WAGTAIL_STARTER_GROUPS = ["Editors", "Moderators"]
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"


def apply_roles(apps, schema_editor):
    from editors.sync import sync_roles

    apps.get_model("auth", "Group").objects.filter(name__in=WAGTAIL_STARTER_GROUPS).delete()
    Workflow = apps.get_model("wagtailcore", "Workflow")
    starter = Workflow.objects.filter(name=WAGTAIL_STARTER_WORKFLOW)
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow__in=starter).delete()
    starter.update(active=False)
    sync_roles(apps)


def remove_roles(apps, schema_editor):
    from editors.sync import remove_roles

    remove_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_seed_themes"),
        ("news", "0001_initial"),
        ("research", "0001_initial"),
        ("events", "0002_volunteers_group"),
        ("campaigns", "0002_campaigns_projects_signups_microsite"),
        ("search", "0002_postgres_text_search_configs"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(apply_roles, remove_roles)]
