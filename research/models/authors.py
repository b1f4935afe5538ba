"""The people of one publication: its authors, in title-page order, and the members of its advisory group."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail_localize.fields import SynchronizedField

from research.identifiers import normalise_orcid, validate_orcid


class AuthorRole(models.TextChoices):
    """How an author is related to LOS."""

    STAFF = "staff", _("medewerker LOS")
    INTERN = "intern", _("stagiair")
    STUDENT = "student", _("student")
    EXTERNAL = "external", _("extern")


class PublicationAuthor(Orderable):
    """One author of one publication, in the order of the title page."""

    page = ParentalKey("research.PublicationPage", related_name="authors", on_delete=models.CASCADE)
    name = models.CharField(
        _("naam"), max_length=150, help_text=_("Zoals op de publicatie, bijvoorbeeld 'Anna de Vries'.")
    )
    family_name = models.CharField(
        _("achternaam"),
        max_length=100,
        blank=True,
        help_text=_(
            "Alleen nodig als de achternaam niet het laatste woord is, bijvoorbeeld 'de Vries' of 'van den Berg'. "
            "Wordt gebruikt voor citaties."
        ),
    )
    affiliation = models.CharField(
        _("organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Waar de auteur werkte of studeerde toen de publicatie verscheen."),
    )
    role = models.CharField(
        _("rol"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.STAFF, help_text=_("Wie is de auteur?")
    )
    orcid = models.CharField(
        _("ORCID iD"),
        max_length=40,
        blank=True,
        validators=[validate_orcid],
        help_text=_("Optioneel, voor onderzoekers: bijvoorbeeld 0000-0002-1825-0097."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("family_name")]),
        FieldRowPanel([FieldPanel("affiliation"), FieldPanel("role")]),
        FieldPanel("orcid"),
    ]
    api_fields = [APIField("name"), APIField("affiliation"), APIField("role"), APIField("orcid")]
    # A name is written as on the title page, in every language.
    override_translatable_fields = [SynchronizedField(name) for name in ("name", "family_name", "role", "orcid")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.orcid = normalise_orcid(self.orcid) if self.orcid else ""

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    def split_name(self) -> tuple[str, str]:
        """(given names, family name) for citations."""
        name = " ".join(self.name.split())
        family = " ".join(self.family_name.split())
        if family and name.endswith(family):
            return name[: -len(family)].strip(), family
        if family:
            return name, family
        given, _sep, last = name.rpartition(" ")
        return given, last


class AdvisoryGroupMember(Orderable):
    """A member of the advisory group (klankbordgroep) of one publication."""

    page = ParentalKey("research.PublicationPage", related_name="advisory_members", on_delete=models.CASCADE)
    name = models.CharField(_("naam"), max_length=150, help_text=_("Alleen met toestemming van de persoon."))
    organisation = models.CharField(
        _("organisatie"), max_length=200, blank=True, help_text=_("Waar dit lid werkt, bijvoorbeeld een universiteit.")
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")])]
    api_fields = [APIField("name"), APIField("organisation")]
    override_translatable_fields = [SynchronizedField("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("lid van de klankbordgroep")
        verbose_name_plural = _("klankbordgroep")
