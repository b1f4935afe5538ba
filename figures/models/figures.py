"""Quarterly figures of one shelter: counts only, checked so that every breakdown adds up to its total."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from figures.categories import DIMENSIONS, TOTALS
from spreadsheets.models import ImportRecord

FIRST_YEAR = 2015
MAX_COUNT = 100_000  # no Dutch shelter supports this many people: a typo, not a figure
COUNT_FIELDS = tuple(TOTALS)


def count_field(key: str):
    return models.PositiveIntegerField(
        TOTALS[key], default=0, validators=[MaxValueValidator(MAX_COUNT)], help_text=_("Een aantal mensen.")
    )


class Source(models.TextChoices):
    FORM = "form", _("formulier")
    SHEET = "sheet", _("spreadsheet met kwartaalcijfers")
    CLIENTS = "clients", _("geteld uit een clientenlijst")


class QuarterFigures(models.Model):
    """What one shelter reports for one quarter: three totals and their breakdowns (counts per category)."""

    shelter = models.ForeignKey("figures.Shelter", on_delete=models.CASCADE, related_name="figures")
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("kwartaal"), choices=[(n, f"Q{n}") for n in range(1, 5)], validators=[MinValueValidator(1)]
    )
    supported = count_field("supported")
    intakes = count_field("intakes")
    departures = count_field("departures")
    # {dimension key: {category key: count}}; categories not given count as zero.
    breakdowns = models.JSONField(_("uitsplitsingen"), default=dict, blank=True)
    source = models.CharField(_("ingevuld via"), max_length=10, choices=Source.choices, default=Source.FORM)
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    import_batch = models.ForeignKey(
        "figures.FiguresImport", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kwartaalcijfers")
        verbose_name_plural = _("kwartaalcijfers")
        ordering = ["-year", "-quarter", "shelter__name"]
        constraints = [
            models.UniqueConstraint(fields=["shelter", "year", "quarter"], name="figures_one_report_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.shelter.name} {self.period}"

    @property
    def period(self) -> str:
        return f"{self.year} Q{self.quarter}"

    def count(self, dimension: str, category: str) -> int:
        return int(self.breakdowns.get(dimension, {}).get(category, 0) or 0)

    def clean(self) -> None:
        """Every breakdown adds up to its total, in Dutch, naming the breakdown and both numbers."""
        errors = breakdown_errors(self.values())
        if errors:
            raise ValidationError({"breakdowns": errors})

    def values(self) -> dict[str, Any]:
        return {
            "supported": self.supported,
            "intakes": self.intakes,
            "departures": self.departures,
            "breakdowns": self.breakdowns,
        }

    def replace(self, values: dict[str, Any], *, user=None, source: str = Source.FORM, batch=None) -> None:
        """A correction: record the figures as they were (history), then save the new ones, in one transaction."""
        with transaction.atomic():
            if self.pk:
                FiguresHistory.objects.create(figures=self, values=self.values(), source=self.source, replaced_by=user)
            for name, value in values.items():
                setattr(self, name, value)
            self.source, self.updated_by, self.updated_at, self.import_batch = source, user, timezone.now(), batch
            self.full_clean()
            self.save()


def breakdown_errors(values: dict[str, Any]) -> list[str]:
    """Why these figures cannot be right (empty when they can): unknown categories, negative numbers, or a
    breakdown that does not add up to its total. Shared by the form, both uploads and the model."""
    errors: list[str] = []
    breakdowns = values.get("breakdowns") or {}
    if not isinstance(breakdowns, dict):
        return [gettext("De uitsplitsingen zijn onleesbaar.")]
    for dimension in DIMENSIONS:
        given = breakdowns.get(dimension.key) or {}
        if not isinstance(given, dict):
            errors.append(gettext("%(name)s: onleesbaar.") % {"name": dimension.label})
            continue
        unknown = sorted(set(given) - set(dimension.categories))
        if unknown:
            errors.append(
                gettext("%(name)s: onbekende categorie %(keys)s.")
                % {"name": dimension.label, "keys": ", ".join(unknown)}
            )
            continue
        if any(not isinstance(count, int) or isinstance(count, bool) or count < 0 for count in given.values()):
            errors.append(gettext("%(name)s: alleen hele getallen van 0 of meer.") % {"name": dimension.label})
            continue
        total = values.get(dimension.of) or 0
        added = sum(given.values())
        if added != total:
            errors.append(
                gettext("%(name)s telt op tot %(added)s, maar %(total_name)s is %(total)s.")
                % {"name": dimension.label, "added": added, "total_name": TOTALS[dimension.of].lower(), "total": total}
            )
    if (values.get("intakes") or 0) > (values.get("supported") or 0):
        errors.append(gettext("De nieuwe instroom kan niet groter zijn dan het aantal ondersteunde mensen."))
    if (values.get("departures") or 0) > (values.get("supported") or 0):
        errors.append(gettext("De uitstroom kan niet groter zijn dan het aantal ondersteunde mensen."))
    return errors


class FiguresHistory(models.Model):
    """Figures as they were before a correction replaced them."""

    figures = models.ForeignKey(QuarterFigures, on_delete=models.CASCADE, related_name="history")
    values = models.JSONField(encoder=DjangoJSONEncoder)
    source = models.CharField(max_length=10, choices=Source.choices)
    replaced_at = models.DateTimeField(default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("eerdere versie van kwartaalcijfers")
        verbose_name_plural = _("eerdere versies van kwartaalcijfers")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.figures} ({self.replaced_at:%Y-%m-%d})"


class FiguresImport(ImportRecord):
    """One upload of a quarterly spreadsheet: who, which file, and what undo needs."""

    created_ids = models.JSONField(default=list, blank=True)
    # figures id -> the values (and source) it had before this import replaced them
    previous_values = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta(ImportRecord.Meta):
        verbose_name = _("import van kwartaalcijfers")
        verbose_name_plural = _("imports van kwartaalcijfers")
