"""The topics (fixed list of issue 23) and the real detention locations the Meldpunt starts with (editable)."""

from django.db import migrations

TOPICS = [
    ("medical", "medische zorg"),
    ("treatment", "bejegening door personeel"),
    ("isolation", "isolatie"),
    ("deportation", "uitzetting"),
    ("legal_aid", "rechtshulp"),
    ("family", "familie"),
    ("food", "eten"),
    ("other", "anders"),
]

# Public place names only. Closed places stay as inactive so reports imported from the old register keep them.
LOCATIONS = [
    ("Detentiecentrum Rotterdam", "detention_centre", True),
    ("Detentiecentrum Zeist", "detention_centre", True),
    ("Justitieel Complex Schiphol", "border", True),
    ("Grenshospitium Schiphol", "border", False),
    ("Detentiecentrum Alphen aan den Rijn", "detention_centre", False),
    ("Gesloten gezinsvoorziening Zeist", "other", True),
    ("Aanmeldcentrum Ter Apel", "other", True),
    ("Politiecellen Amsterdam", "police_cells", True),
    ("Politiecellen Rotterdam", "police_cells", True),
    ("Politiecellen Den Haag", "police_cells", True),
    ("Politiecellen Utrecht", "police_cells", True),
    ("Politiecellen Eindhoven", "police_cells", True),
    ("Onbekende locatie", "other", True),
]


def seed(apps, schema_editor):
    Topic = apps.get_model("meldpunt", "Topic")
    DetentionLocation = apps.get_model("meldpunt", "DetentionLocation")
    for slug, name in TOPICS:
        Topic.objects.update_or_create(slug=slug, defaults={"name": name})
    for name, kind, active in LOCATIONS:
        DetentionLocation.objects.get_or_create(name=name, defaults={"kind": kind, "active": active})


def unseed(apps, schema_editor):
    apps.get_model("meldpunt", "Topic").objects.filter(slug__in=[slug for slug, _ in TOPICS]).delete()
    apps.get_model("meldpunt", "DetentionLocation").objects.filter(
        name__in=[name for name, _, _ in LOCATIONS], reports__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("meldpunt", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
