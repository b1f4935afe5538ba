"""The shelters (noodopvangen) that report figures, and who may report for them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Region(models.TextChoices):
    """The four parts of the country regional totals are given for."""

    NOORD = "noord", _("Noord (Groningen, Friesland, Drenthe)")
    OOST = "oost", _("Oost (Overijssel, Gelderland, Flevoland)")
    WEST = "west", _("West (Noord-Holland, Zuid-Holland, Utrecht)")
    ZUID = "zuid", _("Zuid (Zeeland, Noord-Brabant, Limburg)")


class ShelterQuerySet(models.QuerySet):
    def participating(self):
        """Shelters whose figures count: those that have not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def for_user(self, user):
        """The shelters `user` may see and report for: all for LOS staff, else the ones they coordinate."""
        if user.is_superuser or user.has_perm("figures.view_all_figures"):
            return self
        return self.filter(coordinators=user)


class Shelter(models.Model):
    """A participating emergency shelter: it reports counts, never anything about a person."""

    name = models.CharField(_("naam"), max_length=150, unique=True, help_text=_("Zoals de opvang zich noemt."))
    organisation = models.CharField(
        _("organisatie"), max_length=150, blank=True, help_text=_("De stichting of vereniging achter de opvang.")
    )
    city = models.CharField(_("plaats"), max_length=100, help_text=_("De gemeente waar de opvang zit."))
    region = models.CharField(
        _("regio"), max_length=10, choices=Region.choices, help_text=_("Voor de regionale totalen.")
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coördinatoren"),
        blank=True,
        related_name="coordinated_shelters",
        help_text=_(
            "Wie de cijfers van deze opvang invult. Alleen leden van de groep Opvangcoördinatoren staan in de lijst: "
            "zet een nieuwe coördinator eerst in die groep. Zij zien alleen de cijfers van hun eigen opvang."
        ),
    )
    publish_own_figures = models.BooleanField(
        _("eigen cijfers apart publiceren"),
        default=False,
        help_text=_(
            "Alleen aanzetten als de opvang schriftelijk heeft ingestemd. Zonder instemming tellen de cijfers "
            "alleen mee in landelijke en regionale totalen."
        ),
    )
    withdrawn_at = models.DateTimeField(
        _("gestopt op"),
        null=True,
        blank=True,
        help_text=_("Een opvang die stopt telt nergens meer mee, ook niet in eerdere kwartalen."),
    )

    objects = ShelterQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("city"),
        FieldPanel("region"),
        FieldPanel("coordinators"),
        FieldPanel("publish_own_figures"),
        FieldPanel("withdrawn_at"),
    ]

    class Meta:
        verbose_name = _("opvang")
        verbose_name_plural = _("opvangen")
        ordering = ["name"]
        permissions = [("view_all_figures", _("Cijfers van alle opvangen zien en bewerken"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def withdraw(self) -> None:
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])
