"""Existing events become the Dutch (source-language) originals: each gets the default locale and a
translation key of its own. Bulk updates, so an agenda of tens of thousands of events migrates in seconds."""

import uuid

from django.conf import settings
from django.db import migrations

CHUNK = 2000


def bootstrap(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Locale = apps.get_model("wagtailcore", "Locale")
    code = settings.LANGUAGE_CODE.split("-")[0]
    locale = Locale.objects.filter(language_code=code).first() or Locale.objects.order_by("pk").first()
    if locale is None:
        return
    pending = Event.objects.filter(translation_key__isnull=True).order_by("pk")
    while True:
        events = list(pending[:CHUNK])
        if not events:
            break
        for event in events:
            event.translation_key = uuid.uuid4()
            event.locale_id = locale.pk
        Event.objects.bulk_update(events, ["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_translatable_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(bootstrap, migrations.RunPython.noop)]
