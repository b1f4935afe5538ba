"""The Meldpunt's counts (meldpunt/statistics.py): the shelter figures' disclosure control on reports. Checked
independently: no published number is from 1 to 4, and none can be worked out from a total (tests/figures'
brute-force `derivable`), on hand-made and on random registers."""

from __future__ import annotations

import datetime
import json
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meldpunt.models import DetentionLocation, Topic
from meldpunt.statistics import LOCATION_GROUP_THRESHOLD, Year, public_counts, quarter_start
from public_numbers.disclosure import HIDDEN_TEXT, SMALL_TEXT
from tests.figures.derivation import derivable
from tests.meldpunt.numbers import register_fixture  # noqa: F401 - the `register` fixture

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 3)


def tables(figures) -> dict[str, dict]:
    return {table["key"]: table for table in figures.as_json()["tables"]}


def values(table: dict) -> dict[str, object]:
    return {row["label"]: row["values"][0] for row in table["rows"]}


def assert_nothing_small_or_derivable(figures) -> None:
    data = tables(figures)
    for table in data.values():
        for row in table["rows"]:
            for value in row["values"]:
                assert not (isinstance(value, int) and 0 < value < 5), (table["key"], row)
    years = {row["label"][:4]: row["values"][0] for row in data["years"]["rows"]}
    trend = values(data["trend"])
    for year, total in years.items():
        cells = [value for label, value in trend.items() if label.startswith(year)]
        assert derivable(cells, total) == [], (year, cells, total)
    if figures.breakdowns:
        total = years[figures.selected.key]
        for key in ("location", "channel", "status", "outcome"):
            cells = list(values(data[key]).values())
            assert derivable(cells, total) == [], (key, cells, total)


def test_only_finished_quarters_count(register):
    register(7, datetime.date(2026, 9, 30))
    register(6, datetime.date(2026, 10, 1))  # the running quarter on TODAY
    assert quarter_start(TODAY) == datetime.date(2026, 10, 1)
    figures = public_counts(today=TODAY)
    assert values(tables(figures)["trend"]) == {"2026 Q3": 7}
    assert figures.until == datetime.date(2026, 10, 1)


def test_a_small_quarter_is_shown_as_less_than_five_and_cannot_be_worked_out_from_the_year(register):
    for month, count in ((1, 12), (4, 3), (7, 9), (10, 20)):
        register(count, datetime.date(2025, month, 15))
    figures = public_counts(Year(2025), today=TODAY)
    trend = values(tables(figures)["trend"])
    assert trend["2025 Q2"] == SMALL_TEXT
    assert HIDDEN_TEXT in trend.values()  # a second cell hidden, else 44 - 12 - 9 - 20 = 3
    assert values(tables(figures)["years"]) == {"2025": 44}
    assert_nothing_small_or_derivable(figures)


def test_rare_locations_count_under_their_kind_and_topics_need_no_total(register):
    register(LOCATION_GROUP_THRESHOLD, datetime.date(2025, 2, 1), "Detentiecentrum Rotterdam", topics=("isolation",))
    register(6, datetime.date(2025, 2, 2), "Politiecellen Amsterdam", topics=("medical", "isolation"))
    register(3, datetime.date(2025, 2, 3), "Politiecellen Utrecht", topics=("food",))
    figures = public_counts(Year(2025), today=TODAY)
    locations = values(tables(figures)["location"])
    assert locations["Detentiecentrum Rotterdam"] == LOCATION_GROUP_THRESHOLD
    assert "Politiecellen Utrecht" not in locations and "Politiecellen Amsterdam" not in locations
    assert locations[f"Politiecellen: overige locaties (elk minder dan {LOCATION_GROUP_THRESHOLD} meldingen)"] == 9
    topics = values(tables(figures)["topic"])
    assert topics["Isolatie"] == 16 and topics["Medische zorg"] == 6 and topics["Eten"] == SMALL_TEXT
    assert topics["Familie"] == 0  # zero points to no one and is shown
    assert len(topics) == Topic.objects.count()
    assert_nothing_small_or_derivable(figures)


def test_a_year_too_small_to_show_gets_no_breakdowns(register):
    register(3, datetime.date(2024, 5, 1))
    figures = public_counts(Year(2024), today=TODAY)
    assert values(tables(figures)["years"]) == {"2024 (1 van 4 kwartalen)": SMALL_TEXT}
    assert figures.breakdowns == []
    assert_nothing_small_or_derivable(figures)


def test_outcome_and_status_add_up_to_the_year_with_reports_still_open(register):
    register(8, datetime.date(2025, 3, 1), status="closed", outcome="resolved", closed_on=datetime.date(2025, 4, 1))
    register(7, datetime.date(2025, 3, 2), status="referred")
    figures = public_counts(Year(2025), today=TODAY)
    outcome = values(tables(figures)["outcome"])
    assert outcome["Opgelost"] == 8 and outcome["(nog) geen uitkomst"] == 7
    assert values(tables(figures)["status"])["Afgesloten"] == 8


@pytest.mark.parametrize("seed", range(8))
def test_random_registers_publish_nothing_small_or_derivable(register, seed):
    rng = random.Random(seed)
    places = list(DetentionLocation.objects.values_list("name", flat=True))
    slugs = list(Topic.objects.values_list("slug", flat=True))
    for year in (2024, 2025):
        for month in (2, 5, 8, 11):
            for _ in range(rng.choice([0, 1, 2, 3, 6, 9])):
                status = rng.choice(["registered", "referred", "answered", "closed"])
                register(
                    rng.choice([1, 1, 2, 3, 5]),
                    datetime.date(year, month, rng.randint(1, 28)),
                    rng.choice(places),
                    topics=tuple(rng.sample(slugs, rng.randint(0, 3))),
                    channel=rng.choice(["phone", "whatsapp", "letter"]),
                    status=status,
                    outcome=rng.choice(["resolved", "withdrawn", ""]) if status == "closed" else "",
                )
    for year in (2024, 2025):
        assert_nothing_small_or_derivable(public_counts(Year(year), today=TODAY))


def test_counts_never_read_a_description_or_contact_and_take_few_queries(register):
    register(12, datetime.date(2025, 6, 1), description="geheim verhaal")
    with CaptureQueriesContext(connection) as queries:
        figures = public_counts(today=TODAY)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "description" not in sql and "contact" not in sql
    assert len(queries) <= 12
    assert "geheim" not in json.dumps(figures.as_json())


def test_year_parameter():
    assert Year.parse("2025") == Year(2025)
    for bad in (None, "", "20x5", "٢٠٢٥", "-202", "2025-1"[:3]):
        assert Year.parse(bad) is None
