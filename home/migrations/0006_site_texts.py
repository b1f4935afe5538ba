"""The tagline, footer text and phone hours move from OrganisationSettings (one per site, untranslatable) to
the translatable SiteTexts snippet, as the Dutch (default-language) row of each site. Reversible."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

FIELDS = ("tagline", "footer_text", "phone_hours")


def _default_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = settings.LANGUAGE_CODE.split("-")[0]
    return Locale.objects.filter(language_code=code).first() or Locale.objects.order_by("pk").first()


def move_texts_out_of_settings(apps, schema_editor):
    OrganisationSettings = apps.get_model("home", "OrganisationSettings")
    SiteTexts = apps.get_model("home", "SiteTexts")
    locale = _default_locale(apps)
    for organisation in OrganisationSettings.objects.all():
        values = {name: getattr(organisation, name) for name in FIELDS}
        if locale is None or not any(values.values()):
            continue
        SiteTexts.objects.get_or_create(
            site_id=organisation.site_id, locale=locale, defaults={**values, "translation_key": uuid.uuid4()}
        )


def move_texts_back_into_settings(apps, schema_editor):
    OrganisationSettings = apps.get_model("home", "OrganisationSettings")
    SiteTexts = apps.get_model("home", "SiteTexts")
    locale = _default_locale(apps)
    for texts in SiteTexts.objects.filter(locale=locale):
        organisation, _ = OrganisationSettings.objects.get_or_create(site_id=texts.site_id)
        for name in FIELDS:
            setattr(organisation, name, getattr(texts, name))
        organisation.save()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_merge_0003_site_languages_0004_help_texts_for_editors"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteTexts",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "tagline",
                    models.CharField(
                        blank=True,
                        help_text="Staat onder de naam in de kop, bijvoorbeeld 'Landelijk Ongedocumenteerden Steunpunt'.",
                        max_length=160,
                        verbose_name="ondertitel",
                    ),
                ),
                (
                    "footer_text",
                    models.TextField(
                        blank=True,
                        help_text="Korte tekst over de organisatie, onderaan elke pagina.",
                        max_length=400,
                        verbose_name="tekst in de voettekst",
                    ),
                ),
                (
                    "phone_hours",
                    models.CharField(
                        blank=True,
                        help_text="Staat bij het telefoonnummer, bijvoorbeeld 'maandag tot en met donderdag, 10-16 uur'.",
                        max_length=120,
                        verbose_name="bereikbaarheid",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        help_text="De website waarop deze teksten staan.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="texts",
                        to="wagtailcore.site",
                        verbose_name="website",
                    ),
                ),
            ],
            options={
                "verbose_name": "teksten van de site",
                "verbose_name_plural": "teksten van de sites",
                "abstract": False,
                "unique_together": {("site", "locale"), ("translation_key", "locale")},
            },
        ),
        migrations.RunPython(move_texts_out_of_settings, move_texts_back_into_settings),
        migrations.RemoveField(
            model_name="organisationsettings",
            name="footer_text",
        ),
        migrations.RemoveField(
            model_name="organisationsettings",
            name="phone_hours",
        ),
        migrations.RemoveField(
            model_name="organisationsettings",
            name="tagline",
        ),
    ]
