"""Log entries written before security/history.py named subscribers by address ("Site history", an object's
history): relabel them "abonnee #<id>", as new entries are, so that addresses deleted on request are gone from the
history as well."""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Concat


def relabel(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    subscriber = content_types.filter(app_label="newsletter", model="subscriber").first()
    if subscriber is not None:
        entries = apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(content_type=subscriber)
        entries.update(label=Concat(Value("abonnee #"), F("object_id")))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsletter", "0005_import_record_shared_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(relabel, migrations.RunPython.noop, elidable=True)]
