"""Criteria sets as data: the decree's form 01 (7 lines) and the old three-number set."""

from dataclasses import replace
from fractions import Fraction

import pytest

from canbo.scoring import (
    CRITERIA_SETS,
    Item,
    ScoringInputError,
    get_rulebook,
    score_general,
    score_period,
)

RB = get_rulebook()
FORM = RB.criteria_set("nd335-mau01")
THREE = RB.criteria_set("nd335-3")
FULL_MARKS = [5, 5, 2.5, 2.5, 2.5, 2.5, 10]


def test_form01_layout() -> None:
    assert [g.code for g in FORM.groups] == ["I", "II", "III"]
    assert FORM.codes == ("I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "III")
    assert [c.max_points for c in FORM.items] == [5, 5, 2.5, 2.5, 2.5, 2.5, 10]
    assert [c.step for c in FORM.items] == [Fraction(1, 2)] * 2 + [Fraction(1, 4)] * 4 + [
        Fraction(1, 2)
    ]
    assert [g.max_points for g in FORM.groups] == [10, 10, 10]
    assert [g.single for g in FORM.groups] == [False, False, True]
    assert FORM.items[5].label.startswith("Thái độ phục vụ người dân, doanh nghiệp")


def test_both_sets_are_registered_with_the_same_maximum() -> None:
    assert set(CRITERIA_SETS) == {"nd335-3", "nd335-mau01"}
    assert RB.criteria_set() is FORM and RB.general_max == 30
    assert THREE.max_points == FORM.max_points == 30


def test_form01_sum_and_group_subtotals() -> None:
    total, step = score_general([5, 4, 2.5, 2.25, 2, 2, 8], FORM)
    assert total == Fraction(103, 4)
    assert "(I) 9/10; (II) 8,75/10; (III) 8/10" in step.text
    assert "Cộng 25,75/30 điểm" in step.text and "Mẫu số 01" in step.basis


def test_points_keyed_by_code_give_the_same_sum() -> None:
    keyed = dict(zip(FORM.codes, [5, 4, 2.5, 2.25, 2, 2, 8], strict=True))
    assert score_general(keyed, FORM)[0] == Fraction(103, 4)


@pytest.mark.parametrize(
    ("points", "field"),
    [
        ([5, 5, 2.5, 2.5, 2.5, 2.5], "general"),
        ([5.5, 5, 2.5, 2.5, 2.5, 2.5, 10], "general[0]"),
        ([5, 5, 2.5, 2.3, 2.5, 2.5, 10], "general[3]"),  # not a multiple of 0.25
        ([5, 4.75, 2.5, 2.5, 2.5, 2.5, 10], "general[1]"),  # 0.25 only where the max is 2.5
        ([5, 5, 2.5, 2.5, 2.5, 2.75, 10], "general[5]"),
        (
            {"I.1": 5, "I.2": 5, "II.1": 2.5, "II.2": 2.5, "II.3": 2.5, "II.4": 3, "III": 1},
            "general.II.4",
        ),
        ({"I.1": 5}, "general"),
    ],
)
def test_form01_validation(points, field: str) -> None:
    with pytest.raises(ScoringInputError) as raised:
        score_general(points, FORM)
    assert raised.value.field == field


def test_score_period_picks_the_set_by_shape_or_name() -> None:
    items = [Item(1, 1, True)]
    assert score_period(items, FULL_MARKS).total == 100
    assert score_period(items, [10, 10, 10]).total == 100
    named = score_period(items, [10, 10, 10], criteria="nd335-3")
    general = next(s for s in named.explanation if s.rule == "general")
    assert "(a) 10/10; (b) 10/10; (c) 10/10" in general.text
    with pytest.raises(ScoringInputError) as raised:
        score_period(items, [10, 10, 10], criteria="nd335-mau01")
    assert raised.value.field == "general"
    with pytest.raises(ScoringInputError) as raised:
        score_period(items, [1, 2, 3, 4])
    assert "3 điểm (a, b, c) hoặc 7 điểm (I.1" in raised.value.message
    with pytest.raises(ScoringInputError) as raised:
        score_period(items, [10, 10, 10], criteria="nd999")
    assert raised.value.field == "criteria_set"


def test_rulebook_checks_its_sets() -> None:
    with pytest.raises(ValueError):
        replace(RB, default_criteria_set="nd999")
    with pytest.raises(ValueError):
        replace(RB, criteria_sets=(FORM, replace(THREE, groups=THREE.groups[:2])))
