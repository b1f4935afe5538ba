"""Where reports come from and what they are about: the editable list of detention locations and the topics."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class LocationKind(models.TextChoices):
    DETENTION_CENTRE = "detention_centre", _("detentiecentrum")
    POLICE_CELLS = "police_cells", _("politiecellen")
    BORDER = "border", _("grens")
    OTHER = "other", _("anders")


class DetentionLocation(models.Model):
    """A place where people are held in immigration detention (a centre, police cells, the border)."""

    name = models.CharField(_("naam"), max_length=150, unique=True, help_text=_("De naam waaronder de plek bekend is."))
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=LocationKind.choices,
        default=LocationKind.DETENTION_CENTRE,
        help_text=_("Voor de cijfers: kleine locaties tellen mee onder hun soort."),
    )
    active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_("Uitzetten als de plek dicht is: oude meldingen houden hem, nieuwe kunnen hem niet meer kiezen."),
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("active")]

    class Meta:
        verbose_name = _("detentielocatie")
        verbose_name_plural = _("detentielocaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    """What a report is about (medical care, isolation, ...); a report can have several."""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(
        _("naam"), max_length=100, help_text=_("Zoals het onderwerp in de lijst en de cijfers staat.")
    )

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
