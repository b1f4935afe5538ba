"""A date in a known form that is not in the calendar gets its own message (issue 16), not "unknown form"."""

from __future__ import annotations

import pytest

from spreadsheets.parsing import CellError, parse_date


@pytest.mark.parametrize(
    "value", ["31-02-2027", "29-02-2027", "31/04/2027", "12-13-2027", "2027-02-30", "30 februari 2027"]
)
def test_a_date_that_does_not_exist_is_named_as_such(value):
    with pytest.raises(CellError, match="bestaat niet"):
        parse_date(value)


def test_an_unknown_form_keeps_its_own_message():
    with pytest.raises(CellError, match="geen datum die we kennen"):
        parse_date("volgende week")


def test_a_leap_day_that_exists_is_a_date():
    assert parse_date("29-02-2028").isoformat() == "2028-02-29"
