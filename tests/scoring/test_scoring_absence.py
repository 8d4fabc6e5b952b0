"""Months not worked because of leave: working days, the threshold, overlapping leaves."""

from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canbo.scoring import ScoringInputError, get_rulebook, rulebook_for
from canbo.scoring.absence import (
    leave_by_month,
    month_worked,
    months_not_worked,
    working_days,
)

RB = rulebook_for(date(2026, 1, 1))


def test_working_days_are_monday_to_friday():
    march = working_days(2026, 3)
    assert len(march) == 22 and march[0] == date(2026, 3, 2)  # 1 March 2026 is a Sunday
    assert all(day.weekday() < 5 and day.month == 3 for day in march)
    assert len(working_days(2026, 2)) == 20
    assert len(working_days(2028, 2)) == 21  # leap year: 29/02/2028 is a Tuesday


def test_default_threshold_is_half_and_unconfirmed():
    assert RB.absence_not_worked_share == Fraction(1, 2)
    assert "chưa xác nhận" in RB.basis_for("absence_not_worked_share")


@pytest.mark.parametrize("share", [Fraction(-1, 10), Fraction(1), Fraction(3, 2)])
def test_threshold_must_be_a_share_below_one(share):
    with pytest.raises(ValueError, match="absence_not_worked_share"):
        replace(get_rulebook(), absence_not_worked_share=share)


@pytest.mark.parametrize(
    "leave, working, worked",
    [
        (0, 22, True),
        (11, 22, True),  # exactly half: still worked
        (12, 22, False),
        (22, 22, False),
        (10, 21, True),
        (11, 21, False),
        (0, 0, True),
    ],
)
def test_month_worked_only_when_leave_is_not_more_than_half(leave, working, worked):
    assert month_worked(leave, working, Fraction(1, 2)) is worked


@pytest.mark.parametrize("leave, working", [(-1, 22), (23, 22)])
def test_month_worked_refuses_impossible_counts(leave, working):
    with pytest.raises(ScoringInputError):
        month_worked(leave, working, Fraction(1, 2))


def test_maternity_march_to_june_is_four_months_not_worked():
    result = months_not_worked([(date(2026, 3, 1), date(2026, 6, 30))], 2026, RB)
    assert result == {3: 1, 4: 1, 5: 1, 6: 1}


def test_partial_months_follow_the_threshold():
    # 16/09–30/09/2026 is 11 of 22 working days (exactly half); 15/09 makes 12.
    assert months_not_worked([(date(2026, 9, 16), date(2026, 9, 30))], 2026, RB) == {}
    assert months_not_worked([(date(2026, 9, 15), date(2026, 9, 30))], 2026, RB) == {
        9: Fraction(12, 22)
    }


def test_weekends_on_leave_do_not_count():
    rows = leave_by_month([(date(2026, 3, 7), date(2026, 3, 8))], 2026)  # Sat–Sun
    assert rows == {}


def test_overlapping_leaves_count_each_day_once_and_sum_when_disjoint():
    first = (date(2026, 9, 1), date(2026, 9, 10))  # 8 working days
    rows = leave_by_month([first, first], 2026)
    assert rows[9].leave_days == 8 and rows[9].working_days == 22
    second = (date(2026, 9, 14), date(2026, 9, 18))  # 5 more: 13 of 22 > half
    assert months_not_worked([first, second], 2026, RB) == {9: Fraction(13, 22)}


def test_leave_outside_the_year_is_clipped():
    leave = (date(2025, 12, 1), date(2026, 1, 31))
    assert months_not_worked([leave], 2026, RB) == {1: 1}
    assert months_not_worked([leave], 2025, RB) == {12: 1}
    assert months_not_worked([leave], 2027, RB) == {}


def test_a_stricter_rulebook_excludes_more_months():
    strict = replace(RB, absence_not_worked_share=Fraction(1, 4))
    leave = [(date(2026, 9, 1), date(2026, 9, 8))]  # 6 of 22 working days
    assert months_not_worked(leave, 2026, RB) == {}
    assert months_not_worked(leave, 2026, strict) == {9: Fraction(6, 22)}


def test_end_before_start_is_an_input_error():
    with pytest.raises(ScoringInputError) as error:
        months_not_worked(
            [(date(2026, 3, 1), date(2026, 3, 31)), (date(2026, 5, 2), date(2026, 5, 1))], 2026
        )
    assert error.value.field == "leaves[1]"


days = st.dates(min_value=date(2025, 11, 1), max_value=date(2027, 2, 1))
spans = st.tuples(days, st.integers(0, 120)).map(lambda t: (t[0], t[0] + timedelta(days=t[1])))


@given(st.lists(spans, max_size=5))
def test_properties_of_months_not_worked(leaves):
    result = months_not_worked(leaves, 2026, RB)
    rows = leave_by_month(leaves, 2026)
    for month, share in result.items():
        assert Fraction(1, 2) < share <= 1 and rows[month].share == share
    for month, row in rows.items():
        assert 0 < row.leave_days <= row.working_days == len(working_days(2026, month))
        assert (month in result) is (row.share > Fraction(1, 2))
    # Adding a leave never turns a not-worked month back into a worked one.
    more = months_not_worked([*leaves, (date(2026, 6, 1), date(2026, 6, 3))], 2026, RB)
    assert set(result) <= set(more)
