"""public_numbers.disclosure: small counts never shown, never derivable from a total; grouping and pooling."""

from __future__ import annotations

import random

import pytest

from public_numbers import disclosure
from tests.figures.derivation import derivable


def texts(protected):
    return [cell.as_json() for cell in protected.cells.values()]


def test_counts_from_one_to_four_are_shown_as_less_than_five_and_zero_is_shown():
    protected = disclosure.protect({"a": 0, "b": 1, "c": 4, "d": 5, "e": 30})
    assert texts(protected) == [0, "<5", "<5", 5, 30]
    assert protected.total is None


def test_a_single_small_cell_next_to_a_total_gets_company():
    protected = disclosure.protect({"man": 40, "vrouw": 3, "anders": 0}, 43)
    assert protected.cells["vrouw"].text == "<5"
    assert protected.cells["man"].text == "x"
    assert protected.total.value == 43


def test_a_small_total_is_itself_suppressed():
    protected = disclosure.protect({"man": 3, "vrouw": 0}, 3)
    assert protected.total.text == "<5" and protected.cells["man"].text == "<5"


def test_when_nothing_else_can_be_hidden_the_total_is():
    protected = disclosure.protect({"a": 1, "b": 5}, 6)  # b=5 hidden still allows only a=1
    assert protected.total.suppressed


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        disclosure.protect({"a": -1})


def test_no_small_count_can_be_derived_from_any_protected_row():
    rng = random.Random(19)
    for _ in range(3000):
        counts = {str(i): rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 12, 40]) for i in range(rng.randint(1, 6))}
        protected = disclosure.protect(counts, sum(counts.values()))
        shown = [cell.as_json() for cell in protected.cells.values()]
        assert not any(isinstance(v, int) and 0 < v < 5 for v in shown), counts
        total = protected.total.as_json()
        assert not (isinstance(total, int) and 0 < total < 5)
        assert derivable(shown, total) == [], (counts, shown, total)


def test_small_categories_are_grouped_under_their_region():
    regions = {"SY": "midden-oosten", "IQ": "midden-oosten", "MA": "noord-afrika"}
    grouped = disclosure.group_small({"SY": 3, "IQ": 4, "MA": 20}, regions.__getitem__, 10)
    assert grouped == {"MA": 20, "groep:midden-oosten": 7}


def test_groups_with_too_few_contributors_are_pooled_until_the_pool_has_enough():
    counts, contributors = disclosure.pool_thin_groups(
        {"noord": 30, "zuid": 40, "west": 200}, {"noord": 2, "zuid": 3, "west": 4}, pooled="overig"
    )
    assert counts == {"west": 200, "overig": 70}
    assert contributors["overig"] == 5
    assert disclosure.enough_contributors(3) and not disclosure.enough_contributors(2)
