"""The public shelter figures: national and regional totals and breakdowns, after disclosure control.

Everything public (the page, its charts and tables, the CSV and JSON downloads, the API, the chart block) is
built from `public_figures()`, so they all show the same protected numbers. Rules (see `public_numbers.disclosure`):

- a quarter is published only when at least three participating shelters reported it; a shelter that withdrew
  counts nowhere;
- yearly intakes and departures are the sums of the published quarters, protected together with them (a year
  total minus three shown quarters must not reveal the fourth);
- breakdowns are per quarter only (a yearly breakdown beside the quarterly ones would let a reader subtract);
  nationalities with fewer than `NATIONALITY_GROUP_THRESHOLD` people are added up under their world region;
- regions with fewer than three reporting shelters are pooled ("Overige regio's").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from figures.categories import DEPARTURES, DIMENSIONS, INTAKES, SUPPORTED, TOTALS, WORLD_REGIONS, nationality_region
from figures.models.figures import QuarterFigures
from figures.models.shelters import Region, Shelter
from public_numbers import disclosure
from public_numbers.tables import Period, Table

NATIONALITY_GROUP_THRESHOLD = 10
OTHER_REGIONS = "overig"


@dataclass
class PublicFigures:
    """What the public may see for one selected quarter, and the series around it."""

    periods: list[Period]
    selected: Period | None
    trend: Table | None = None
    years: Table | None = None
    breakdowns: list[Table] = field(default_factory=list)
    regions: Table | None = None
    reporting: list[Shelter] = field(default_factory=list)
    participating: int = 0

    @property
    def tables(self) -> list[Table]:
        return [table for table in (self.trend, self.years, self.regions, *self.breakdowns) if table is not None]

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)

    def as_json(self) -> dict:
        return {
            "period": self.selected.key if self.selected else None,
            "periods": [period.key for period in self.periods],
            "reporting_shelters": [f"{shelter.name} ({shelter.city})" for shelter in self.reporting],
            "participating_shelters": self.participating,
            "suppression": {"small": disclosure.SMALL_TEXT, "hidden": disclosure.HIDDEN_TEXT},
            "tables": [table.as_json() for table in self.tables],
        }


def _published_reports() -> dict[Period, list[QuarterFigures]]:
    """Reports of participating shelters, by quarter, for quarters with enough shelters."""
    by_period: dict[Period, list[QuarterFigures]] = defaultdict(list)
    reports = QuarterFigures.objects.filter(shelter__withdrawn_at__isnull=True).select_related("shelter")
    for report in reports.order_by("year", "quarter", "shelter__name"):
        by_period[Period(report.year, report.quarter)].append(report)
    return {
        period: reports for period, reports in sorted(by_period.items()) if disclosure.enough_contributors(len(reports))
    }


def public_figures(selected: Period | None = None) -> PublicFigures:
    """The protected figures; `selected` (default: the latest published quarter) picks the breakdowns."""
    published = _published_reports()
    periods = list(published)
    if selected not in published:
        selected = periods[-1] if periods else None
    figures = PublicFigures(periods=periods, selected=selected, participating=Shelter.objects.participating().count())
    if selected is None:
        return figures
    totals = {period: _sum_totals(reports) for period, reports in published.items()}
    flows = _protected_flows(totals)
    figures.trend = _trend_table(totals, flows)
    figures.years = _years_table(totals, flows)
    reports = published[selected]
    figures.reporting = [report.shelter for report in reports]
    figures.regions = _regions_table(reports, totals[selected][SUPPORTED])
    figures.breakdowns = [_breakdown_table(reports, dimension, totals[selected]) for dimension in DIMENSIONS]
    return figures


def _sum_totals(reports: Iterable[QuarterFigures]) -> dict[str, int]:
    return {key: sum(getattr(report, key) for report in reports) for key in TOTALS}


def _protected_flows(totals: dict[Period, dict[str, int]]) -> dict[tuple[int, str], disclosure.Protected]:
    """Per year and flow (intakes, departures): the quarters as cells, the year as their total."""
    protected = {}
    for year in sorted({period.year for period in totals}):
        for key in (INTAKES, DEPARTURES):
            counts = {period.key: values[key] for period, values in totals.items() if period.year == year}
            protected[(year, key)] = disclosure.protect(counts, sum(counts.values()))
    return protected


def _trend_table(totals, flows) -> Table:
    rows = []
    for period, values in totals.items():
        cells = [disclosure.shown(values[SUPPORTED])]
        cells += [flows[(period.year, key)].cells[period.key] for key in (INTAKES, DEPARTURES)]
        rows.append((period.short_label, cells))
    return Table(
        "trend",
        _("Per kwartaal"),
        _("Ondersteunde mensen, nieuwe instroom en uitstroom per kwartaal, landelijk."),
        _("Kwartaal"),
        [str(TOTALS[key]) for key in (SUPPORTED, INTAKES, DEPARTURES)],
        rows,
    )


def _years_table(totals, flows) -> Table:
    rows = []
    for year in sorted({period.year for period in totals}):
        quarters = sum(1 for period in totals if period.year == year)
        cells = [flows[(year, key)].total for key in (INTAKES, DEPARTURES)]
        label = str(year) if quarters == 4 else _("%(year)s (%(n)s van 4 kwartalen)") % {"year": year, "n": quarters}
        rows.append((label, cells))
    return Table(
        "years",
        _("Per jaar"),
        _("Nieuwe instroom en uitstroom per jaar: de som van de gepubliceerde kwartalen."),
        _("Jaar"),
        [str(TOTALS[key]) for key in (INTAKES, DEPARTURES)],
        rows,
    )


def _regions_table(reports: list[QuarterFigures], national: int) -> Table:
    counts: dict[str, int] = defaultdict(int)
    shelters: dict[str, int] = defaultdict(int)
    for report in reports:
        counts[report.shelter.region] += report.supported
        shelters[report.shelter.region] += 1
    counts, shelters = disclosure.pool_thin_groups(counts, shelters, pooled=OTHER_REGIONS)
    protected = disclosure.protect(counts, national)
    labels = {**dict(Region.choices), OTHER_REGIONS: _("Overige regio's (te weinig opvangen om apart te tonen)")}
    order = [*Region.values, OTHER_REGIONS]
    rows = [(str(labels[key]), [protected.cells[key]]) for key in order if key in protected.cells]
    return Table(
        "regions",
        _("Per regio"),
        _("Ondersteunde mensen per regio; een regio met minder dan drie opvangen telt mee onder 'Overige regio's'."),
        _("Regio"),
        [str(TOTALS[SUPPORTED])],
        rows,
    )


def _breakdown_table(reports: list[QuarterFigures], dimension, totals: dict[str, int]) -> Table:
    counts: dict[str, int] = defaultdict(int)
    for report in reports:
        for category in dimension.categories:
            counts[category] += report.count(dimension.key, category)
    labels = {key: str(label) for key, label in dimension.categories.items()}
    if dimension.key == "nationality":
        counts = disclosure.group_small(counts, nationality_region, NATIONALITY_GROUP_THRESHOLD)
        labels |= {
            disclosure.group_key(region): _("%(region)s: overige landen (elk minder dan %(n)s)")
            % {"region": label, "n": NATIONALITY_GROUP_THRESHOLD}
            for region, label in WORLD_REGIONS.items()
        }
        ordered = sorted(counts, key=lambda key: (key.startswith(disclosure.GROUP_PREFIX), -counts[key]))
    else:
        ordered = list(dimension.categories)
    total = totals[dimension.of]
    protected = disclosure.protect({key: counts[key] for key in ordered}, total)
    cells = protected.cells
    if protected.total is not None and protected.total.suppressed and not disclosure.shown(total).suppressed:
        # The total is public elsewhere (the trend table): hide this whole breakdown rather than the total.
        cells = dict.fromkeys(cells, disclosure.HIDDEN_SHOWN)
    return Table(
        dimension.key,
        str(dimension.label),
        str(dimension.help_text),
        str(dimension.label),
        [str(TOTALS[dimension.of])],
        [(labels[key], [cells[key]]) for key in ordered],
    )
