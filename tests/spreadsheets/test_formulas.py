"""The one formula neutraliser every spreadsheet export uses (sign-ups, the agenda, rejected import rows).

The exports themselves are tested end to end where they live (tests/campaigns/test_exports.py,
tests/events/test_admin_import.py); here the function, and that both exports call this one.
"""

from __future__ import annotations

import datetime

import pytest

from spreadsheets.formulas import FORMULA_PREFIXES, neutralise_formula

DANGEROUS = ['=HYPERLINK("http://evil")', "=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_starts_like_a_formula_gets_an_apostrophe(text):
    assert neutralise_formula(text) == "'" + text


def test_every_prefix_a_spreadsheet_runs_is_covered():
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r"}


@pytest.mark.parametrize(
    "value", ["Utrecht", "'s-Hertogenbosch", "", "a=b", 42, 1.5, None, datetime.date(2027, 3, 12), True]
)
def test_ordinary_values_are_left_alone(value):
    assert neutralise_formula(value) == value


def test_a_list_answer_becomes_one_neutralised_cell():
    assert neutralise_formula(["=a", "b"]) == "'=a, b"
    assert neutralise_formula(("Utrecht", "Ede")) == "Utrecht, Ede"


def test_both_exports_use_this_one_function():
    from campaigns import exports
    from events.importing import resources
    from spreadsheets import writers

    assert exports.neutralise_formula is neutralise_formula  # sign-ups
    assert resources.neutralise_formula is neutralise_formula  # the agenda export's cells
    assert writers.neutralise_formula is neutralise_formula  # every CSV/XLSX we write
    rows = [["=1+1", "@los", 3]]
    text = writers.write_csv(["+kop", "Titel", "Aantal"], rows).decode("utf-8-sig")
    assert text.splitlines() == ["'+kop;Titel;Aantal", "'=1+1;'@los;3"]
