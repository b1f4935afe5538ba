"""The chart block "Grafiek Meldpunt" for publications (the annual report) and news reactions: one table of the
Meldpunt's public numbers, the same protected numbers as /meldpunt/cijfers/."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from meldpunt.statistics import Year, public_counts
from public_numbers.blocks import PublicChartBlock

SERIES = [
    ("trend", _("Meldingen per kwartaal")),
    ("years", _("Meldingen per jaar")),
    ("location", _("Per locatie")),
    ("topic", _("Per onderwerp")),
    ("channel", _("Per kanaal")),
    ("status", _("Per stand van zaken")),
    ("outcome", _("Per uitkomst")),
]


class MeldpuntChartBlock(PublicChartBlock):
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
    period_name = "year"
    unknown_period = _("Onbekend jaar.")
    parse_period = staticmethod(Year.parse)
    public_numbers = staticmethod(public_counts)

    class Meta:
        icon = "table"
        label = _("Grafiek Meldpunt")
        template = "meldpunt/blocks/meldpunt_chart_block.html"
        preview_value = {"series": "trend", "year": ""}
        description = _("Een grafiek met tabel uit de cijfers van het Meldpunt Vreemdelingendetentie.")

    def context_for(self, numbers, value) -> dict:
        # The trend and the years span several years: no single year to name under the chart.
        return {"meldpunt_year": numbers.selected if value.get("series") not in ("trend", "years") else None}
