"""The chart block "Grafiek Meldpunt" for publications (the annual report) and news reactions: one table of the
Meldpunt's public numbers, the same protected numbers as /meldpunt/cijfers/."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from figures.presentation import chart_for
from meldpunt.statistics import Year, public_counts

SERIES = [
    ("trend", _("Meldingen per kwartaal")),
    ("years", _("Meldingen per jaar")),
    ("location", _("Per locatie")),
    ("topic", _("Per onderwerp")),
    ("channel", _("Per kanaal")),
    ("status", _("Per stand van zaken")),
    ("outcome", _("Per uitkomst")),
]


class MeldpuntChartBlock(blocks.StructBlock):
    """A chart with its table from the Meldpunt's public numbers."""

    series = blocks.ChoiceBlock(label=_("Reeks"), choices=SERIES, default="trend")
    year = blocks.RegexBlock(
        label=_("Jaar"),
        regex=r"^(\d{4})?$",
        required=False,
        max_length=4,
        help_text=_(
            "Voor de uitsplitsingen (locatie, onderwerp, kanaal, stand, uitkomst): het jaar, bijvoorbeeld 2025. "
            "Leeg: steeds het nieuwste jaar."
        ),
        error_messages={"invalid": _("Schrijf het jaar als vier cijfers, bijvoorbeeld 2025.")},
    )

    class Meta:
        icon = "table"
        label = _("Grafiek Meldpunt")
        template = "meldpunt/blocks/meldpunt_chart_block.html"
        preview_value = {"series": "trend", "year": ""}
        description = _("Een grafiek met tabel uit de cijfers van het Meldpunt Vreemdelingendetentie.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("year") and Year.parse(value["year"]) is None:
            raise ValidationError(_("Onbekend jaar."))
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        figures = public_counts(Year.parse(value.get("year")))
        table = figures.table(value.get("series"))
        context["chart"] = chart_for(table) if table is not None else None
        context["meldpunt_year"] = figures.selected if value.get("series") not in ("trend", "years") else None
        return context
