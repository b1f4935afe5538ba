"""Imported reports' case history said "Geïmporteerd uit <file name>", and a file name can hold a person's name:
those lines now say only that the report came from a spreadsheet (meldpunt/importing.py writes the same)."""

from django.db import migrations

PREFIX = "Geïmporteerd uit "
NOW = "Geïmporteerd uit een spreadsheet"


def forget_file_names(apps, schema_editor):
    ReportChange = apps.get_model("meldpunt", "ReportChange")
    ReportChange.objects.filter(summary__startswith=PREFIX).exclude(summary=NOW).update(summary=NOW)


class Migration(migrations.Migration):
    dependencies = [("meldpunt", "0006_no_exported_access_kind")]

    operations = [migrations.RunPython(forget_file_names, migrations.RunPython.noop)]
