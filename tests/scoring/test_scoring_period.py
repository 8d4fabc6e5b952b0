from dataclasses import replace
from fractions import Fraction

import pytest

from canbo.scoring import (
    NO_ITEMS_TEXT,
    OVERRIDES,
    Item,
    LeaderInput,
    ScoringInputError,
    classify,
    get_rulebook,
    score_general,
    score_period,
)

RB = get_rulebook()
THREE = RB.criteria_set("nd335-3")
FULL = [Item(1, 1, True)]


def test_staff_formula_exact() -> None:
    result = score_period(FULL * 3, [10, 10, 10])
    assert result.a == result.b == result.c == 1
    assert result.task_score == 70  # 70 × (1+1+1)/3 exactly
    assert result.total == 100
    assert result.classification == "excellent"
    assert result.d is None and result.role == "staff"


def test_staff_formula_example() -> None:
    items = [
        Item(5, 1.2, True, quality_failures=1, delays=2, objective_delays=1),
        Item(4, 1, False),
    ]
    result = score_period(items, [9, 8, 8])
    assert (result.a, result.b, result.c) == (Fraction(3, 5), Fraction(57, 100), Fraction(57, 100))
    assert result.task_score == 70 * (Fraction(3, 5) + Fraction(57, 50)) / 3
    assert result.general_score == 25
    assert result.total == 25 + result.task_score


def test_leader_formula_full() -> None:
    leader = LeaderInput(unit_all_complete=True, organising="full", third="full")
    result = score_period(FULL, [10, 10, 10], role="leader", leader=leader)
    assert (result.d, result.dd, result.e) == (1, 1, 1)
    assert result.task_score == 70


def test_leader_partial_values() -> None:
    leader = LeaderInput(unit_all_complete=False, organising="partial", third="partial")
    result = score_period(FULL, [10, 10, 10], role="leader", leader=leader)
    half = Fraction(1, 2)
    assert (result.d, result.dd, result.e) == (half, half, half)
    assert result.task_score == 70 * (3 + 3 * half) / 6
    rules = [s.rule for s in result.explanation]
    assert {"leader_unit", "leader_organising", "leader_third"} <= set(rules)


def test_leader_and_staff_differ_on_same_items() -> None:
    items = [Item(1, 1, True), Item(1, 1, False)]
    staff = score_period(items, [10, 10, 10])
    leader = score_period(items, [10, 10, 10], role="leader", leader=LeaderInput(True))
    assert staff.task_score == 35
    assert leader.task_score == 70 * (Fraction(3, 2) + 3) / 6


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"role": "boss"}, "role"),
        ({"role": "leader"}, "leader"),
        ({"leader": LeaderInput(True)}, "leader"),
        ({"role": "leader", "leader": LeaderInput(True, organising="half")}, "leader.organising"),
        ({"role": "leader", "leader": LeaderInput(True, third="x")}, "leader.third"),
        ({"overrides": ["theft"]}, "overrides[0]"),
    ],
)
def test_invalid_period_inputs(kwargs: dict, field: str) -> None:
    with pytest.raises(ScoringInputError) as raised:
        score_period(FULL, [10, 10, 10], **kwargs)
    assert raised.value.field == field


def test_general_sum_and_step() -> None:
    total, step = score_general([9.5, 8, 7.5], THREE)
    assert total == 25
    assert step.rule == "general" and "Cộng 25/30 điểm" in step.text


@pytest.mark.parametrize(
    ("points", "field"),
    [
        ([10, 10], "general"),
        ([10, 10, 10, 10], "general"),
        ([10.5, 10, 10], "general[0]"),
        ([10, -0.5, 10], "general[1]"),
        ([10, 10, 9.25], "general[2]"),
        ([10, 10, "9"], "general[2]"),
    ],
)
def test_general_validation(points: list, field: str) -> None:
    with pytest.raises(ScoringInputError) as raised:
        score_general(points, THREE)
    assert raised.value.field == field


@pytest.mark.parametrize(
    ("total", "code", "label"),
    [
        (90, "excellent", "Hoàn thành xuất sắc nhiệm vụ"),
        (Fraction(179, 2), "good", "Hoàn thành tốt nhiệm vụ"),
        (Fraction(8999999, 100000), "good", "Hoàn thành tốt nhiệm vụ"),
        (70, "good", "Hoàn thành tốt nhiệm vụ"),
        (Fraction(139, 2), "complete", "Hoàn thành nhiệm vụ"),
        (50, "complete", "Hoàn thành nhiệm vụ"),
        (Fraction(99, 2), "fail", "Không hoàn thành nhiệm vụ"),
        (0, "fail", "Không hoàn thành nhiệm vụ"),
    ],
)
def test_classification_thresholds(total: Fraction, code: str, label: str) -> None:
    result = classify(Fraction(total), RB)
    assert (result.code, result.label) == (code, label)


def test_classification_uses_unrounded_total() -> None:
    result = classify(Fraction(8999999, 100000), RB)
    assert result.code == "good"
    assert "chưa làm tròn" in result.explanation[0].text


def test_exact_boundary_from_items() -> None:
    # general 20 + 70 × (1 + 1 + 1)/3 = 90 exactly, no float drift.
    result = score_period([Item(1, 1.1, True)] * 3, [7, 6.5, 6.5])
    assert result.total == 90 and result.classification == "excellent"


@pytest.mark.parametrize("override", list(OVERRIDES))
def test_each_override_fails_even_at_100(override: str) -> None:
    result = score_period(FULL, [10, 10, 10], overrides=[override])
    assert result.total == 100
    assert result.classification == "fail"
    assert result.label == "Không hoàn thành nhiệm vụ"
    step = result.explanation[-1]
    assert step.rule == "override"
    assert step.basis == "Điều 20 NĐ 335/2025/NĐ-CP"
    assert OVERRIDES[override] in step.text


def test_no_items_has_no_task_score() -> None:
    for items in ([], [Item(0, 1, False)]):
        result = score_period(items, [10, 10, 10])
        assert result.no_items
        assert result.task_score is None and result.total is None
        assert result.a is None and result.classification is None
        step = next(s for s in result.explanation if s.rule == "no_items")
        assert NO_ITEMS_TEXT == "không có sản phẩm được giao"
        assert NO_ITEMS_TEXT in step.text


def test_no_items_policy_zero() -> None:
    result = score_period([], [10, 10, 10], rulebook=replace(RB, no_items_policy="zero"))
    assert result.task_score == 0 and result.total == 30 and result.no_items


def test_no_items_with_override_still_fails() -> None:
    result = score_period([], [10, 10, 10], overrides=["discipline"])
    assert result.total is None and result.classification == "fail"
