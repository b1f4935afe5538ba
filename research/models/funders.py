"""Funders: the organisations whose support LOS must acknowledge, their logos, and whether and where they stand in
the footer strip (on the funder itself)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from research.localizing import in_locale

# Renditions of funder logos: never cropped (a logo must stay whole), WebP with a PNG fallback. Listed once so
# templates, the API and prefetches ask for the same renditions.
LOGO_FILTER = "max-160x80"


def logo_rendition_specs() -> list[str]:
    """The filter specs `{% picture funder.logo format-{webp,png} max-160x80 %}` asks for (for prefetching)."""
    return [f"format-{fmt}|{LOGO_FILTER}" for fmt in ("webp", "png")]


def logo_api_field() -> ImageRenditionField:
    """The logo as API v2 clients get it, in the funders endpoint and nested in publications: a PNG rendition."""
    return ImageRenditionField(f"format-png|{LOGO_FILTER}", read_only=True)


class FunderQuerySet(models.QuerySet):
    """Funders, with a filter for the ones whose support runs on a given day."""

    def active(self, on: datetime.date | None = None) -> FunderQuerySet:
        on = on or timezone.localdate()
        return self.filter(
            models.Q(active_from__isnull=True) | models.Q(active_from__lte=on),
            models.Q(active_until__isnull=True) | models.Q(active_until__gte=on),
        )


class Funder(TranslatableMixin, index.Indexed, models.Model):
    """A fund or donor that made LOS's work possible and must be named, with its logo."""

    name = models.CharField(_("naam"), max_length=150, help_text=_("De officiële naam van het fonds."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Het logo zoals het fonds het aanlevert, liefst op een witte of doorzichtige achtergrond."),
    )
    logo_alt = models.CharField(
        _("alternatieve tekst logo"),
        max_length=200,
        help_text=_("Wat bezoekers die het logo niet zien te horen krijgen, meestal 'Logo van' en de naam."),
    )
    link = models.URLField(_("website"), blank=True, help_text=_("De website van het fonds (optioneel)."))
    description = models.TextField(
        _("korte omschrijving"),
        max_length=600,
        blank=True,
        help_text=_("Eén of twee zinnen over het fonds, voor de pagina met alle fondsen."),
    )
    acknowledgement = models.TextField(
        _("verplichte vermelding"),
        max_length=600,
        help_text=_(
            "De tekst die het fonds voorschrijft, bijvoorbeeld 'Dit project is mogelijk gemaakt door ...'. "
            "Deze staat bij elke publicatie die het fonds steunde."
        ),
    )
    active_from = models.DateField(
        _("steun loopt vanaf"),
        null=True,
        blank=True,
        help_text=_("Eerste dag van de steun. Leeg: al lopend."),
    )
    active_until = models.DateField(
        _("steun loopt tot en met"),
        null=True,
        blank=True,
        help_text=_("Laatste dag van de steun. Daarna verdwijnt het logo uit de voettekst. Leeg: doorlopend."),
    )
    # On the funder itself, not in a separate setting: a new funder is in the footer as soon as this is ticked.
    show_in_footer = models.BooleanField(
        _("toon in de voettekst"),
        default=False,
        help_text=_(
            "Het logo staat onder 'Mogelijk gemaakt door' onderaan elke pagina van de hoofdsite, zolang de steun loopt."
        ),
    )
    footer_order = models.PositiveSmallIntegerField(
        _("plaats in de voettekst"),
        default=0,
        help_text=_("Lagere getallen staan eerder; bij een gelijk getal op naam."),
    )

    objects = FunderQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("acknowledgement"),
        FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_until")], heading=_("Periode van de steun")),
        FieldRowPanel([FieldPanel("show_in_footer"), FieldPanel("footer_order")], heading=_("Voettekst")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    api_fields = [
        APIField("name"),
        APIField("logo", serializer=logo_api_field()),
        APIField("logo_alt"),
        APIField("language", serializer=serializers.CharField(source="locale.language_code", read_only=True)),
        APIField("link"),
        APIField("description"),
        APIField("acknowledgement"),
        APIField("active_from"),
        APIField("active_until"),
    ]
    # One fund, one logo, one website and one period in every language; names and texts are translated.
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("logo", "link", "active_from", "active_until", "show_in_footer", "footer_order")
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("fonds")
        verbose_name_plural = _("fondsen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.logo_id and not (self.logo_alt or "").strip():
            raise ValidationError({"logo_alt": _("Beschrijf het logo voor wie het niet kan zien.")})
        if self.active_from and self.active_until and self.active_until < self.active_from:
            raise ValidationError({"active_until": _("De einddatum ligt vóór de begindatum.")})

    def is_active(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (self.active_from is None or self.active_from <= on) and (
            self.active_until is None or self.active_until >= on
        )


class FunderSerializer(serializers.ModelSerializer):
    """A funder nested in a publication in API v2: name, link, required acknowledgement, period and a sized logo."""

    logo = logo_api_field()

    class Meta:
        model = Funder
        fields = [
            "id", "name", "link", "description", "acknowledgement", "active_from", "active_until", "logo_alt", "logo",
        ]  # fmt: skip
        read_only_fields = fields


def prefetch_logo_renditions(funders: list[Funder]) -> None:
    """One query for the renditions of every logo (the logos themselves came with select_related)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=logo_rendition_specs())
    prefetch_related_objects(
        [funder.logo for funder in funders],
        Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"),
    )


def localize_funders(funders: list[Funder], locale_id: int | None) -> list[Funder]:
    """Each funder in the locale where it is translated (one query for all, logos included), keeping the order."""
    return in_locale(funders, locale_id, Funder.objects.select_related("logo"))
