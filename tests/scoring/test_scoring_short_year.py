"""The Decree 90/2020 precedent as a rulebook switch (off by default, DOMAIN §2.2)."""

from dataclasses import replace

import pytest

from canbo.scoring import YearPeriod, get_rulebook, score_year

ON = replace(get_rulebook(), short_year_rule=True)


def _year(worked: int, absent: int, maternity: int = 0, total: float = 95):
    return (
        [YearPeriod(total) for _ in range(worked)]
        + [YearPeriod(None, worked=False) for _ in range(absent)]
        + [YearPeriod(None, worked=False, maternity=True) for _ in range(maternity)]
    )


def test_off_by_default_the_months_worked_alone_decide():
    assert score_year(_year(4, 8)).classification == "excellent"


@pytest.mark.parametrize(
    "worked, absent, maternity, level",
    [
        (12, 0, 0, "excellent"),
        (10, 2, 0, "excellent"),
        (9, 3, 0, "complete"),  # absent 3 to < 6 months: not above "complete"
        (7, 5, 0, "complete"),
        (5, 7, 0, None),  # fewer than 6 months worked: not classified
        (5, 0, 7, "excellent"),  # maternity excepted
        (8, 0, 4, "excellent"),
    ],
)
def test_precedent_when_switched_on(worked, absent, maternity, level):
    result = score_year(_year(worked, absent, maternity), ON)
    assert result.classification == level
    if level != "excellent":
        assert any(step.rule == "short_year" for step in result.explanation)
    assert score_year(_year(worked, absent, maternity), ON, explain=False).classification == level


def test_the_precedent_never_lifts_a_fail():
    result = score_year(_year(9, 3, total=40), ON)
    assert result.classification == "fail"


@pytest.mark.parametrize(
    "level, reference, lower",
    [
        ("good", "excellent", True),
        ("fail", "complete", True),
        ("excellent", "good", False),
        ("good", "good", False),
        ("good", "", False),
        ("best", "excellent", False),
    ],
)
def test_lower_than_follows_the_order_of_the_levels(level, reference, lower):
    from canbo.scoring import lower_than

    assert lower_than(level, reference) is lower
