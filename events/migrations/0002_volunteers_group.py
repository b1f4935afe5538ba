"""The "Vrijwilligers" group: may use the admin for the agenda (view, add, change, delete, import, undo) only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Vrijwilligers"
EVENT_PERMISSIONS = [
    ("events", "event", "view_event"),
    ("events", "event", "add_event"),
    ("events", "event", "change_event"),
    ("events", "event", "delete_event"),
    ("events", "importbatch", "view_importbatch"),
    ("events", "importbatch", "add_importbatch"),
    ("events", "importbatch", "undo_importbatch"),
]


def create_group(apps, schema_editor):
    # Model permissions are normally created after all migrations; create them now so the group can get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name=GROUP)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    wanted = [Permission.objects.get(content_type=admin_type, codename="access_admin")]
    for app_label, model, codename in EVENT_PERMISSIONS:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        wanted.append(Permission.objects.get(content_type=content_type, codename=codename))
    group.permissions.add(*wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # Run after Wagtail's migrations that hand "choose" permissions to every admin group: volunteers get
        # the agenda only.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
