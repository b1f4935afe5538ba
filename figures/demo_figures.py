"""Plausible quarterly figures for the demo shelters (`figures/demo/1-shelters.yaml`), the same on every run.

The numbers are drawn from a seeded random generator per shelter and quarter, with breakdowns that add up, so
the demo shows real disclosure control: small shelters give counts of 1 to 4 that the public page suppresses.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from figures.categories import DEPARTURES, DIMENSIONS, SUPPORTED
from figures.models import QuarterFigures, Shelter
from figures.models.figures import Source

# Relative weights of the categories (those not named get none).
WEIGHTS: dict[str, dict[str, float]] = {
    "nationality": {
        "MA": 9,
        "DZ": 4,
        "NG": 6,
        "GH": 4,
        "GN": 3,
        "ER": 6,
        "ET": 3,
        "SO": 4,
        "SD": 3,
        "IQ": 5,
        "IR": 4,
        "SY": 3,
        "TR": 3,
        "AF": 4,
        "PK": 2,
        "AL": 2,
        "GE": 3,
        "UA": 2,
        "SR": 3,
        "BR": 2,
        "CO": 1,
        "overig-west-afrika": 2,
        "overig-azie": 1,
        "onbekend": 2,
    },
    "gender": {"man": 70, "vrouw": 27, "anders": 3},
    "age": {"0-17": 6, "18-29": 34, "30-49": 44, "50-64": 13, "65+": 3},
    "household": {"alleen": 78, "gezin": 15, "stel": 5, "onbekend": 2},
    "duration": {"0-1m": 20, "1-3m": 30, "3-12m": 32, "1-2j": 12, "2j+": 6},
    "outcome": {"verblijf": 22, "terugkeer": 8, "andere-opvang": 30, "contact-verloren": 28, "anders": 12},
}


def _split(rng: random.Random, total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """`total` people over the categories, at random by weight (adds up exactly)."""
    keys = list(weights)
    counts = dict.fromkeys(keys, 0)
    for key in rng.choices(keys, weights=[weights[k] for k in keys], k=total):
        counts[key] += 1
    return {key: count for key, count in counts.items() if count}


def quarterly_figures(
    shelters: Mapping[str, int], first: str, last: str, missing: Mapping[str, list] | None = None
) -> int:
    """Figures for every shelter (name -> typical number of people) and quarter from `first` to `last`
    (`2024-4`), except the quarters `missing` lists per shelter. Quarters that exist are left alone. Returns
    how many were made."""
    start, end = (tuple(int(part) for part in value.split("-")) for value in (first, last))
    periods = [(year, quarter) for year in range(start[0], end[0] + 1) for quarter in range(1, 5)]
    periods = [period for period in periods if start <= period <= end]
    made = 0
    for name, size in shelters.items():
        shelter = Shelter.objects.get(name=name)
        skipped = {str(value) for value in (missing or {}).get(name, [])}
        existing = set(shelter.figures.values_list("year", "quarter"))
        for year, quarter in periods:
            if (year, quarter) in existing or f"{year}-{quarter}" in skipped:
                continue
            rng = random.Random(f"{name}-{year}-{quarter}")  # noqa: S311 - demo numbers, not security
            supported = max(1, round(size * rng.uniform(0.85, 1.15)))
            totals = {
                SUPPORTED: supported,
                "intakes": round(supported * rng.uniform(0.2, 0.4)),
                DEPARTURES: round(supported * rng.uniform(0.2, 0.35)),
            }
            breakdowns = {d.key: _split(rng, totals[d.of], WEIGHTS[d.key]) for d in DIMENSIONS}
            figures = QuarterFigures(shelter=shelter, year=year, quarter=quarter, source=Source.FORM)
            figures.replace({**totals, "breakdowns": breakdowns})
            made += 1
    return made
