"""The chart block editors put in news items and publications: one series of the public shelter figures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from figures.categories import DIMENSIONS
from figures.presentation import chart_for
from figures.statistics import Period, public_figures

SERIES = [
    ("trend", _("Per kwartaal: ondersteund, instroom, uitstroom")),
    ("years", _("Per jaar: instroom en uitstroom")),
    ("regions", _("Per regio")),
    *((dimension.key, dimension.label) for dimension in DIMENSIONS),
]


class FiguresChartBlock(blocks.StructBlock):
    """A chart with its table from the public shelter figures (the same protected numbers as /cijfers/)."""

    series = blocks.ChoiceBlock(label=_("Reeks"), choices=SERIES, default="trend")
    period = blocks.RegexBlock(
        label=_("Kwartaal"),
        regex=r"^(\d{4}-[1-4])?$",
        required=False,
        max_length=7,
        help_text=_(
            "Voor uitsplitsingen en regio's: het kwartaal als 2025-3. Leeg: steeds het nieuwste kwartaal, "
            "zodat het bericht de laatste cijfers toont."
        ),
        error_messages={"invalid": _("Schrijf het kwartaal als jaar-kwartaal, bijvoorbeeld 2025-3.")},
    )

    class Meta:
        icon = "table"
        label = _("Grafiek opvangcijfers")
        template = "figures/blocks/figures_chart_block.html"
        preview_value = {"series": "trend", "period": ""}
        description = _("Een grafiek met tabel uit de cijfers van de noodopvangen.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("period") and Period.parse(value["period"]) is None:
            raise ValidationError(_("Onbekend kwartaal."))
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        figures = public_figures(Period.parse(value.get("period")))
        table = figures.table(value.get("series"))
        context["chart"] = chart_for(table) if table is not None else None
        context["figures_period"] = figures.selected
        return context
