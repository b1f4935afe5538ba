"""The Meldpunt's public numbers: reports per quarter and year, and one year's reports by location, topic,
channel, status and outcome, after the shelter figures' disclosure control (`public_numbers.disclosure`).

Everything public (the page `/meldpunt/cijfers/`, its charts and tables, the CSV and JSON downloads, the chart
block, the Eindredactie's counts) is built from `public_counts()`, so they all show the same protected numbers.
Counts come only from received_on, location, topics, channel, status and outcome: never from a description or a
contact field. Rules:

- only finished quarters are counted (a quarter still running changes every day, and two looks at it a day
  apart would show one report);
- the quarters of a year are protected together with the year's total (a year minus three shown quarters must
  not reveal the fourth); a count from 1 to 4 is "<5", a cell hidden so that it cannot be worked out is "x";
- breakdowns are per year only (a quarterly breakdown beside the yearly one would let a reader subtract); each
  is protected with the year's total (it adds up to it). A year whose total is not shown gets no breakdowns;
  a breakdown that cannot be protected while the total stays shown is hidden entirely;
- locations with fewer than `LOCATION_GROUP_THRESHOLD` reports in the year are added up under their kind
  ("Politiecellen: overige locaties"), so that a rarely named place is not pointed at;
- a report can be about several topics, so topics do not add up to a total: each is protected on its own.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldpunt.models import DetentionLocation, Report, Topic
from public_numbers import disclosure
from public_numbers.disclosure import Shown
from public_numbers.tables import Period, Table
from spreadsheets.parsing import MIN_YEAR

LOCATION_GROUP_THRESHOLD = 10
NO_OUTCOME = "geen"
# The seeded topics' names in the reader's language (a topic staff add later shows its name as written).
TOPIC_LABELS = {
    "medical": gettext_lazy("medische zorg"),
    "treatment": gettext_lazy("bejegening door personeel"),
    "isolation": gettext_lazy("isolatie"),
    "deportation": gettext_lazy("uitzetting"),
    "legal_aid": gettext_lazy("rechtshulp"),
    "family": gettext_lazy("familie"),
    "food": gettext_lazy("eten"),
    "other": gettext_lazy("anders"),
}
# The choice fields counted as breakdowns, in the page's order (topics and locations have their own tables).
CHOICE_BREAKDOWNS = ("channel", "status", "outcome")


@dataclass(frozen=True, order=True)
class Year:
    """A calendar year whose breakdowns are shown (`?jaar=2025`)."""

    year: int

    @property
    def key(self) -> str:
        return str(self.year)

    @property
    def label(self) -> str:
        return str(self.year)

    @classmethod
    def parse(cls, raw: str | None) -> Year | None:
        text = (raw or "").strip()[:4]
        if len(text) != 4 or not (text.isascii() and text.isdigit()):
            return None
        return cls(int(text))


@dataclass
class MeldpuntFigures:
    """What the public may see: the quarters and years, and the breakdowns of the selected year."""

    years: list[Year]
    selected: Year | None
    until: datetime.date | None = None  # the first day not counted (the start of the running quarter)
    total: Shown | None = None  # the selected year's reports, as the years table shows it
    trend: Table | None = None
    per_year: Table | None = None
    breakdowns: list[Table] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for table in (self.trend, self.per_year, *self.breakdowns) if table is not None]

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)

    def as_json(self) -> dict:
        return {
            "year": self.selected.key if self.selected else None,
            "years": [year.key for year in self.years],
            "counted_until": self.until.isoformat() if self.until else None,
            "suppression": {"small": disclosure.SMALL_TEXT, "hidden": disclosure.HIDDEN_TEXT},
            "tables": [table.as_json() for table in self.tables],
        }


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def counted_reports(until: datetime.date) -> QuerySet[Report]:
    """The reports that count: received before `until` (the start of the running quarter) and not before 1900. An
    older date is a mistyped year the form and the import refuse now: counted, a report "received" in year 1 made
    the page list 8,000 empty quarters."""
    return Report.objects.filter(received_on__lt=until, received_on__gte=datetime.date(MIN_YEAR, 1, 1))


def quarter_counts(reports: QuerySet[Report]) -> dict[Period, int]:
    """Reports per quarter, every quarter from the first report's to the last one's (zeros included)."""
    rows = (
        reports.annotate(y=ExtractYear("received_on"), q=ExtractQuarter("received_on"))
        .values_list("y", "q")
        .annotate(n=Count("pk"))
    )
    found = {Period(year, quarter): number for year, quarter, number in rows}
    if not found:
        return {}
    first, last = min(found), max(found)
    periods = [Period(y, q) for y in range(first.year, last.year + 1) for q in range(1, 5)]
    return {period: found.get(period, 0) for period in periods if first <= period <= last}


def public_counts(selected: Year | None = None, *, today: datetime.date | None = None) -> MeldpuntFigures:
    """The protected numbers; `selected` (default: the latest year counted) picks the breakdowns."""
    until = quarter_start(today or timezone.localdate())
    reports = counted_reports(until)
    quarters = quarter_counts(reports)
    years = sorted({Year(period.year) for period in quarters})
    if selected not in years:
        selected = years[-1] if years else None
    figures = MeldpuntFigures(years=years, selected=selected, until=until)
    if selected is None:
        return figures
    protected = {year: disclosure.protect(counts, sum(counts.values())) for year, counts in _by_year(quarters).items()}
    figures.trend = _trend_table(quarters, protected)
    figures.per_year = _years_table(quarters, protected)
    figures.total = protected[selected.year].total
    if figures.total is not None and not figures.total.suppressed:
        year_reports = reports.filter(received_on__year=selected.year)
        total = figures.total.value
        figures.breakdowns = [
            _locations_table(year_reports, selected.year, total),
            _topics_table(year_reports),
            *(_choice_table(year_reports, name, total) for name in CHOICE_BREAKDOWNS),
        ]
    return figures


def _by_year(quarters: dict[Period, int]) -> dict[int, dict[str, int]]:
    years: dict[int, dict[str, int]] = defaultdict(dict)
    for period, number in quarters.items():
        years[period.year][period.key] = number
    return years


def _reports_heading() -> str:
    return _("Meldingen")


def _trend_table(quarters: dict[Period, int], protected: dict[int, disclosure.Protected]) -> Table:
    return Table(
        "trend",
        _("Meldingen per kwartaal"),
        _("Het aantal meldingen dat het Meldpunt per kwartaal ontving."),
        _("Kwartaal"),
        [_reports_heading()],
        [(period.short_label, [protected[period.year].cells[period.key]]) for period in quarters],
    )


def _years_table(quarters: dict[Period, int], protected: dict[int, disclosure.Protected]) -> Table:
    rows = []
    for year, result in protected.items():
        number = sum(1 for period in quarters if period.year == year)
        label = str(year) if number == 4 else _("%(year)s (%(n)s van 4 kwartalen)") % {"year": year, "n": number}
        rows.append((label, [result.total]))
    return Table(
        "years",
        _("Meldingen per jaar"),
        _("Het aantal meldingen per jaar: de som van de getelde kwartalen."),
        _("Jaar"),
        [_reports_heading()],
        rows,
    )


def _protected_rows(counts: dict[str, int], labels: dict[str, str], order: list[str], total: int | None):
    """Protect one breakdown; when the total is public elsewhere but this breakdown could not be protected with
    it shown, hide the whole breakdown rather than the total."""
    result = disclosure.protect({key: counts.get(key, 0) for key in order}, total)
    cells = result.cells
    if result.total is not None and result.total.suppressed:
        cells = dict.fromkeys(cells, disclosure.HIDDEN_SHOWN)
    return [(labels[key], [cells[key]]) for key in order]


def _locations_table(reports: QuerySet[Report], year: int, total: int) -> Table:
    counts = {str(pk): n for pk, n in reports.values_list("location").annotate(n=Count("pk")).order_by()}
    locations = {str(location.pk): location for location in DetentionLocation.objects.filter(pk__in=counts)}
    kinds = dict(DetentionLocation._meta.get_field("kind").choices)
    grouped = disclosure.group_small(counts, lambda key: locations[key].kind, LOCATION_GROUP_THRESHOLD)
    labels = {key: locations[key].name for key in grouped if key in locations}
    labels |= {
        disclosure.group_key(kind): _("%(kind)s: overige locaties (elk minder dan %(n)s meldingen)")
        % {"kind": capfirst(str(label)), "n": LOCATION_GROUP_THRESHOLD}
        for kind, label in kinds.items()
    }
    order = sorted(grouped, key=lambda key: (key.startswith(disclosure.GROUP_PREFIX), -grouped[key], labels[key]))
    return Table(
        "location",
        _("Per locatie"),
        _(
            "Meldingen per detentielocatie in %(year)s; locaties met minder dan %(n)s meldingen tellen mee onder "
            "hun soort."
        )
        % {"year": year, "n": LOCATION_GROUP_THRESHOLD},
        _("Locatie"),
        [_reports_heading()],
        _protected_rows(grouped, labels, order, total),
    )


def _topics_table(reports: QuerySet[Report]) -> Table:
    through = Report.topics.through
    counts = {
        str(pk): n
        for pk, n in through.objects.filter(report__in=reports.values("pk"))
        .values_list("topic")
        .annotate(n=Count("report", distinct=True))
        .order_by()
    }
    topics = list(Topic.objects.order_by("pk"))
    labels = {str(topic.pk): capfirst(str(TOPIC_LABELS.get(topic.slug, topic.name))) for topic in topics}
    return Table(
        "topic",
        _("Per onderwerp"),
        _("Meldingen per onderwerp; een melding kan over meer onderwerpen gaan, dus samen zijn het er meer."),
        _("Onderwerp"),
        [_reports_heading()],
        _protected_rows(counts, labels, list(labels), None),
    )


CHOICE_TITLES = {
    "channel": (gettext_lazy("Per kanaal"), gettext_lazy("Hoe de meldingen binnenkwamen."), gettext_lazy("Kanaal")),
    "status": (
        gettext_lazy("Per stand van zaken"),
        gettext_lazy("Hoe ver de opvolging van de meldingen nu is."),
        gettext_lazy("Stand van zaken"),
    ),
    "outcome": (
        gettext_lazy("Per uitkomst"),
        gettext_lazy("Wat de opvolging van de meldingen opleverde."),
        gettext_lazy("Uitkomst"),
    ),
}


def _choice_table(reports: QuerySet[Report], name: str, total: int) -> Table:
    choices = {str(key): capfirst(str(label)) for key, label in Report._meta.get_field(name).choices if key}
    counts: dict[str, int] = defaultdict(int)
    for value, number in reports.values_list(name).annotate(n=Count("pk")).order_by():
        counts[value or NO_OUTCOME] += number
    labels = {**choices, NO_OUTCOME: _("(nog) geen uitkomst")}
    order = [*choices, *([NO_OUTCOME] if counts.get(NO_OUTCOME) or name == "outcome" else [])]
    title, description, heading = (str(text) for text in CHOICE_TITLES[name])
    return Table(name, title, description, heading, [_reports_heading()], _protected_rows(counts, labels, order, total))
