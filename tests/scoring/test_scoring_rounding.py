"""Rounding is half up, once, from the exact fraction (integer arithmetic only)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from canbo.scoring import Item, fmt, score_period
from canbo.scoring.numfmt import json_number, percent, rounded


def test_a_tie_rounds_up_where_float_rounding_goes_to_even():
    # 4 × 1 on time; 8 × 0.5 with 2 quality failures and 1 delay; general 9 + 9 + 7.
    items = [
        Item(quantity=4, coefficient=1, completed=True),
        Item(quantity=8, coefficient=0.5, completed=True, quality_failures=2, delays=1),
    ]
    total = score_period(items, [9, 9, 7], criteria="nd335-3").total
    assert total == Fraction(3005, 32)  # 93.90625
    assert round(float(total), 4) == 93.9062  # the old path: half to even on the double
    assert rounded(total, 4) == Decimal("93.9063")


def test_a_tie_the_double_holds_below_rounds_up():
    exact = Fraction(1800007, 20000)  # 90.00035, the mean of 90.0003 and 90.0004
    assert round(float(exact), 4) == 90.0003  # the double is 90.000349999…
    assert rounded(exact, 4) == Decimal("90.0004")


def test_no_28_digit_quotient_before_rounding():
    just_below = Fraction(2 * 10**30 + 5 * 10**28 - 1, 10**30)  # 2.0499…9 (30 digits)
    assert rounded(just_below, 1) == Decimal("2.0")
    assert fmt(just_below, 1) == "2"


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Fraction(-1, 200), 2, "-0.01"),  # half away from zero, as ROUND_HALF_UP
        (Fraction(-1, 300), 2, "0.00"),
        (Fraction(2, 3), 4, "0.6667"),
        (7, 2, "7.00"),
        (Fraction(5, 2), 0, "3"),
    ],
)
def test_rounded(value, places, shown):
    assert str(rounded(value, places)) == shown


def test_json_numbers_are_the_nearest_double_of_the_fraction():
    assert json_number(Fraction(1, 10) + Fraction(2, 10)) == 0.3  # 0.1 + 0.2 would be 0.30…04
    assert json_number(None) is None


def test_a_share_in_percent_rounds_half_up_once():
    # 1 of 16 is 6.25 %: round(6.25, 1) gives 6.2 (a tie, rounded to even), the rule 6.3.
    assert round(100 * 1 / 16, 1) == 6.2
    assert percent(1, 16) == 6.3
    assert percent(2, 3) == 66.7 and percent(0, 0) == 0.0 and percent(5, 5) == 100.0
