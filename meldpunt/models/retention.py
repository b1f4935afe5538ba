"""The Meldpunt's retention periods, set by its staff in the admin."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting


class MeldpuntSettings(BaseGenericSetting):
    """How long descriptions and contact details are kept (one setting for the whole Meldpunt)."""

    retention_months = models.PositiveSmallIntegerField(
        _("bewaartermijn beschrijving (maanden na afsluiten)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Zoveel maanden na het afsluiten worden beschrijving, contactgegevens en de notities bij "
            "doorverwijzingen verwijderd. De telling (datum, locatie, onderwerpen, uitkomst) blijft."
        ),
    )
    contact_days_open = models.PositiveSmallIntegerField(
        _("contactgegevens bewaren bij open meldingen (dagen)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_(
            "Bij het afsluiten gaan contactgegevens meteen weg. Bij een melding die open blijft gaan ze weg zoveel "
            "dagen na ontvangst."
        ),
    )

    class Meta:
        verbose_name = _("Meldpunt-instellingen")
