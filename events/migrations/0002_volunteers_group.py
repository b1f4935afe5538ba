"""Formerly created the "Vrijwilligers" group. Every group is now defined once, in editors/roles.py, and applied by
home/migrations/0003_editor_roles.py (and after every migrate): this migration is kept, empty, so that databases
that already applied it and new ones share one history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = []
