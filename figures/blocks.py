"""The chart block editors put in news items and publications: one series of the public shelter figures (its base,
shared with the Meldpunt's block, is public_numbers/blocks.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from figures.categories import DIMENSIONS
from figures.statistics import public_figures
from public_numbers.blocks import PublicChartBlock
from public_numbers.tables import Period

SERIES = [
    ("trend", _("Per kwartaal: ondersteund, instroom, uitstroom")),
    ("years", _("Per jaar: instroom en uitstroom")),
    ("regions", _("Per regio")),
    *((dimension.key, dimension.label) for dimension in DIMENSIONS),
]


class FiguresChartBlock(PublicChartBlock):
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
    parse_period = staticmethod(Period.parse)
    public_numbers = staticmethod(public_figures)

    class Meta:
        icon = "table"
        label = _("Grafiek opvangcijfers")
        template = "figures/blocks/figures_chart_block.html"
        preview_value = {"series": "trend", "period": ""}
        description = _("Een grafiek met tabel uit de cijfers van de noodopvangen.")

    def context_for(self, numbers, value) -> dict:
        return {"figures_period": numbers.selected}
