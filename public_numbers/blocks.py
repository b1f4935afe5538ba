"""The base of every chart block of published numbers that editors put in news items and publications (the
shelter figures' in figures/blocks.py, the Meldpunt's in meldpunt/blocks.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from public_numbers.presentation import chart_for


class PublicChartBlock(blocks.StructBlock):
    """What every chart block of published numbers does (the shelter figures', the Meldpunt's): refuse a period
    it does not know, and draw the chosen series with its table. A subclass declares its `series` and period blocks
    and says how a period is read and where the protected numbers come from.
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
