from dataclasses import replace
from fractions import Fraction

import pytest

from canbo.scoring import Item, ScoringInputError, compute_task, get_rulebook

RB = get_rulebook()
EXAMPLE = Item(5, 1.2, True, quality_failures=1, delays=2, objective_delays=1)


def test_example_item_weights() -> None:
    sums = compute_task([EXAMPLE], RB)
    assert sums.assigned_weight == 6
    assert sums.completed_weight == 6
    assert sums.quality_weight == Fraction(57, 10)  # 6 − 1/4 × 1.2 × 1
    assert sums.progress_weight == Fraction(57, 10)  # one of two delays is objective


def test_example_item_explanation() -> None:
    steps = compute_task([EXAMPLE], RB).explanation
    assert [s.rule for s in steps] == [
        "quantity",
        "quality_deduction",
        "delay_deduction",
        "objective_cause",
    ]
    assert steps[0].text == "Sản phẩm 1: 5 × 1,2 = 6 sản phẩm quy đổi; đã hoàn thành."
    assert "trừ 0,3" in steps[1].text and "còn 5,7" in steps[1].text
    assert "nguyên nhân khách quan, không trừ" in steps[3].text
    assert all(s.basis == "Điều 14 NĐ 335/2025/NĐ-CP" for s in steps)


def test_line_never_below_zero() -> None:
    sums = compute_task([Item(1, 1, True, quality_failures=5, delays=7)], RB)
    assert sums.quality_weight == 0
    assert sums.progress_weight == 0
    assert "không thấp hơn 0" in sums.explanation[1].text


def test_each_failure_takes_a_quarter_of_one_product() -> None:
    sums = compute_task([Item(4, 2, True, quality_failures=3)], RB)
    assert sums.quality_weight == 8 - Fraction(1, 4) * 2 * 3


def test_objective_causes_are_not_counted() -> None:
    item = Item(
        2, 1, True, quality_failures=2, objective_quality_failures=2, delays=1, objective_delays=1
    )
    sums = compute_task([item], RB)
    assert sums.quality_weight == sums.progress_weight == 2


def test_denominator_includes_uncompleted_items() -> None:
    sums = compute_task([Item(3, 1, True), Item(1, 2, False)], RB)
    assert sums.assigned_weight == 5
    assert sums.completed_weight == 3
    assert sums.quality_weight == 3


def test_late_item_mode_zero() -> None:
    zero = replace(RB, late_item_mode="zero")
    items = [Item(2, 1, True, delays=1), Item(2, 1, True, delays=1, objective_delays=1)]
    assert compute_task(items, zero).progress_weight == 2
    assert compute_task(items, RB).progress_weight == Fraction(15, 4)  # 1.75 + 2
    assert "không được điểm tiến độ" in compute_task(items, zero).explanation[1].text


def test_count_equals_repeating_the_item() -> None:
    grouped = compute_task([replace(EXAMPLE, count=3), Item(1, 1, False, count=2)], RB)
    repeated = compute_task([EXAMPLE] * 3 + [Item(1, 1, False)] * 2, RB)
    for name in ("assigned_weight", "completed_weight", "quality_weight", "progress_weight"):
        assert getattr(grouped, name) == getattr(repeated, name)
    assert "× 3 dòng giống nhau" in grouped.explanation[0].text


def test_float_inputs_are_exact() -> None:
    sums = compute_task([Item(3, 0.1, True)], RB)
    assert sums.assigned_weight == Fraction(3, 10)


@pytest.mark.parametrize(
    ("item", "field"),
    [
        (Item(-1, 1, True), "items[0].quantity"),
        (Item(1, 0, True), "items[0].coefficient"),
        (Item(1, -2, True), "items[0].coefficient"),
        (Item(1, 1, True, quality_failures=-1), "items[0].quality_failures"),
        (Item(1, 1, True, delays=1, objective_delays=2), "items[0].objective_delays"),
        (
            Item(1, 1, True, quality_failures=0, objective_quality_failures=1),
            "items[0].objective_quality_failures",
        ),
        (Item(1, 1, False, quality_failures=1), "items[0].quality_failures"),
        (Item(1, 1, False, delays=1), "items[0].delays"),
        (Item(1, 1, True, count=0), "items[0].count"),
        (Item(1, 1, True, delays=True), "items[0].delays"),  # type: ignore[arg-type]
    ],
)
def test_invalid_items_name_their_field(item: Item, field: str) -> None:
    with pytest.raises(ScoringInputError) as raised:
        compute_task([item], RB)
    assert raised.value.field == field
    assert field in str(raised.value)


def test_explain_false_skips_item_steps() -> None:
    assert compute_task([EXAMPLE], RB, explain=False).explanation == ()
