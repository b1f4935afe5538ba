"""The chart blocks editors put in news items and publications: one series of the public shelter figures, and
the base both chart blocks share (the Meldpunt's is in meldpunt/blocks.py)."""

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


class PublicChartBlock(blocks.StructBlock):
    """What every chart block of published numbers does (the shelter figures here, the Meldpunt's in
    meldpunt/blocks.py): refuse a period it does not know, and draw the chosen series with its table. A subclass
    declares its `series` and period blocks and says how a period is read and where the protected numbers come from.
    """

    period_name = "period"  # the child block holding the period; empty means the latest
    unknown_period = _("Onbekend kwartaal.")

    @staticmethod
    def parse_period(text: str | None):
        raise NotImplementedError

    @staticmethod
    def public_numbers(period):
        """The protected numbers for `period` (None: the latest), with `table(series)` and `selected`."""
        raise NotImplementedError

    def context_for(self, numbers, value) -> dict:
        """What the subclass's template says under the chart (which period it shows)."""
        return {}

    def clean(self, value):
        value = super().clean(value)
        if value.get(self.period_name) and self.parse_period(value[self.period_name]) is None:
            raise ValidationError(self.unknown_period)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        numbers = self.public_numbers(self.parse_period(value.get(self.period_name)))
        table = numbers.table(value.get("series"))
        context["chart"] = chart_for(table) if table is not None else None
        return {**context, **self.context_for(numbers, value)}


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
