"""One event per Kenmerk in each language: merge the copies that two simultaneous imports made, then forbid them.

Of each set of copies the one changed last stays (later corrections from imports reached only one copy, and it is
that one); it gets the themes of the others, and their translations where it has none in that language. The other
copies, and translations the survivor already has, are deleted.
"""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import Lower


def merge_copies(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Locale = apps.get_model("wagtailcore", "Locale")
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    keyed = Event.objects.exclude(external_id="").annotate(key=Lower("external_id"))
    groups = keyed.values("locale_id", "key").annotate(copies=Count("id")).filter(copies__gt=1)
    # Originals first: merging them carries their translations along, which settles most other groups.
    for group in sorted(groups, key=lambda g: g["locale_id"] != (source.pk if source else None)):
        copies = list(
            keyed.filter(locale_id=group["locale_id"], key=group["key"]).order_by("-updated_at", "-pk")
        )
        if len(copies) < 2:
            continue  # merged with an earlier group already
        keep, *others = copies
        for copy in others:
            keep.themes.add(*copy.themes.all())
            for translation in Event.objects.filter(translation_key=copy.translation_key).exclude(pk=copy.pk):
                taken = Event.objects.filter(translation_key=keep.translation_key, locale_id=translation.locale_id)
                if taken.exists():
                    translation.delete()
                else:
                    translation.translation_key = keep.translation_key
                    translation.save(update_fields=["translation_key"])
            copy.delete()
    if schema_editor is not None and schema_editor.connection.vendor == "postgresql":
        # The deletes leave deferred foreign-key checks pending, and PostgreSQL creates no index (the constraint
        # below) while any are: run them now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_shared_page_fields'),
        ('home', '0007_shared_page_fields'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(merge_copies, migrations.RunPython.noop),
        migrations.AddField(
            model_name='importbatch',
            name='upload',
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('external_id'), models.F('locale'), condition=models.Q(('external_id', ''), _negated=True), name='events_event_one_per_kenmerk_and_language', violation_error_message='Er is al een activiteit met dit kenmerk.'),
        ),
        migrations.AddConstraint(
            model_name='importbatch',
            constraint=models.UniqueConstraint(condition=models.Q(('upload', ''), _negated=True), fields=('upload',), name='events_import_once'),
        ),
    ]
