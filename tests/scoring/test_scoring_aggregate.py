from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest

from canbo.scoring import (
    Item,
    LeaderInput,
    ScoringInputError,
    YearPeriod,
    get_rulebook,
    score_period,
    score_quarter,
    score_year,
)

RB = get_rulebook()
MEAN = replace(RB, quarter_mode="mean")


def _months() -> list:
    return [
        score_period([Item(1, 1, True)], [10, 10, 10]),  # total 100, A = 1
        score_period([Item(3, 1, False)], [8, 8, 8]),  # total 24, A = 3
        score_period([], [9, 9, 9]),  # no items: worked, but no task score
    ]


def test_quarter_pool_pools_ratios() -> None:
    quarter = score_quarter(_months(), RB)
    assert quarter.a == Fraction(1, 4)
    assert quarter.general_score == 27  # (30 + 24 + 27) / 3 over worked months
    assert quarter.task_score == 70 * Fraction(3, 4) / 3
    assert quarter.total == 27 + Fraction(35, 2)
    assert quarter.explanation[0].rule == "quarter_pool"


def test_quarter_mean_averages_monthly_totals() -> None:
    quarter = score_quarter(_months(), MEAN)
    assert quarter.total == Fraction(100 + 24, 2)
    assert quarter.classification == "complete"
    assert quarter.explanation[0].rule == "quarter_mean"


def test_pool_and_mean_differ() -> None:
    assert score_quarter(_months(), RB).total != score_quarter(_months(), MEAN).total


def test_quarter_leader_takes_minimum() -> None:
    months = [
        score_period(
            [Item(1, 1, True)],
            [10, 10, 10],
            role="leader",
            leader=LeaderInput(True, organising="full", third="partial"),
        ),
        score_period(
            [Item(1, 1, True)],
            [10, 10, 10],
            role="leader",
            leader=LeaderInput(False, organising="partial", third="full"),
        ),
    ]
    quarter = score_quarter(months, RB)
    half = Fraction(1, 2)
    assert (quarter.d, quarter.dd, quarter.e) == (half, half, half)
    assert quarter.task_score == 70 * Fraction(9, 2) / 6


def test_quarter_without_items_is_excluded() -> None:
    quarter = score_quarter([score_period([], [10, 10, 10])], RB)
    assert quarter.no_items and quarter.total is None


def test_quarter_mixed_roles_rejected() -> None:
    leader = score_period([Item(1, 1, True)], [10, 10, 10], role="leader", leader=LeaderInput(True))
    with pytest.raises(ScoringInputError):
        score_quarter([leader, _months()[0]], RB)


def test_quarter_override() -> None:
    assert score_quarter(_months()[:1], RB, ["degradation"]).classification == "fail"


def test_year_averages_worked_periods_only() -> None:
    periods = [
        YearPeriod(91.5),
        YearPeriod(80),
        YearPeriod(10, worked=False),
        YearPeriod(None),
        YearPeriod(70.5),
    ]
    result = score_year(periods, RB)
    assert result.total == Fraction(242, 3)
    assert result.periods_used == 3
    assert result.classification == "good"
    rules = [s.rule for s in result.explanation]
    assert rules.count("excluded_period") == 2
    assert "year_average" in rules


def test_year_without_worked_period_has_no_result() -> None:
    result = score_year([YearPeriod(95, worked=False)], RB)
    assert result.total is None and result.classification is None
    assert "không tính điểm năm" in result.explanation[0].text + result.explanation[1].text


def test_year_override_fails() -> None:
    result = score_year([YearPeriod(100)], RB, ["discipline"])
    assert result.total == 100 and result.classification == "fail"


@pytest.mark.parametrize("total", [-1, 100.5])
def test_year_total_out_of_range(total: float) -> None:
    with pytest.raises(ScoringInputError) as raised:
        score_year([YearPeriod(90), YearPeriod(total)], RB)
    assert raised.value.field == "periods[1].total"


@pytest.mark.parametrize("total", [Fraction(201, 2), Fraction(-1, 3)])
def test_year_refuses_an_exact_total_out_of_range(total):
    # Fractions take a shorter path than other numbers; the range is checked all the same.
    with pytest.raises(ScoringInputError) as error:
        score_year([YearPeriod(Fraction(80)), YearPeriod(total)], RB)
    assert error.value.field == "periods[1].total"


def test_year_of_exact_totals_equals_year_of_decimals():
    exact = score_year([YearPeriod(Fraction(1823, 20)), YearPeriod(Fraction(80))], RB)
    decimals = score_year([YearPeriod(Decimal("91.15")), YearPeriod(Decimal("80"))], RB)
    assert exact.total == decimals.total == Fraction(3423, 40)  # (91.15 + 80) / 2 = 85.575
