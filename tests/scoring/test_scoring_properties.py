from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.scoring import (
    LEVELS,
    OVERRIDES,
    Item,
    LeaderInput,
    YearPeriod,
    classify,
    get_rulebook,
    score_period,
    score_year,
)

RB = get_rulebook()
# No example database: the tests must not write outside tests/ (and results stay reproducible).
SETTINGS = settings(database=None, max_examples=150, deadline=None)

rulebooks = st.sampled_from([RB, replace(RB, late_item_mode="zero")])
tenths = st.integers(0, 200).map(lambda n: Fraction(n, 10))
coefficients = st.integers(1, 30).map(lambda n: Fraction(n, 10))
generals = st.lists(st.integers(0, 20).map(lambda n: Fraction(n, 2)), min_size=3, max_size=3)
levels = st.sampled_from(["full", "partial"])
leaders = st.builds(LeaderInput, st.booleans(), levels, levels)
totals = st.integers(0, 10000).map(lambda n: Fraction(n, 100))


@st.composite
def items(draw: st.DrawFn) -> Item:
    completed = draw(st.booleans())
    failures = draw(st.integers(0, 8)) if completed else 0
    delays = draw(st.integers(0, 8)) if completed else 0
    return Item(
        draw(tenths),
        draw(coefficients),
        completed,
        failures,
        draw(st.integers(0, failures)),
        delays,
        draw(st.integers(0, delays)),
        count=draw(st.integers(1, 3)),
    )


item_lists = st.lists(items(), min_size=1, max_size=8)


def _score(items: list[Item], rulebook=RB, leader: LeaderInput | None = None):
    role = "leader" if leader else "staff"
    return score_period(
        items, [10, 10, 10], role=role, leader=leader, rulebook=rulebook, explain=False
    )


@SETTINGS
@given(item_lists, rulebooks)
def test_ratios_in_unit_interval(items: list[Item], rulebook) -> None:
    result = _score(items, rulebook)
    if result.no_items:
        return
    assert 0 <= result.a <= 1 and 0 <= result.b <= 1 and 0 <= result.c <= 1
    assert result.b <= result.a and result.c <= result.a


@SETTINGS
@given(item_lists, generals, st.none() | leaders, rulebooks)
def test_scores_in_range(items: list[Item], general: list, leader, rulebook) -> None:
    role = "leader" if leader else "staff"
    result = score_period(items, general, role=role, leader=leader, rulebook=rulebook)
    if result.no_items:
        assert result.total is None
        return
    assert 0 <= result.task_score <= 70
    assert 0 <= result.total <= 100


@SETTINGS
@given(item_lists, st.data())
def test_completing_an_item_never_lowers_a(items: list[Item], data: st.DataObject) -> None:
    open_items = [i for i, item in enumerate(items) if not item.completed]
    if not open_items or _score(items).no_items:
        return
    index = data.draw(st.sampled_from(open_items))
    changed = items[:index] + [replace(items[index], completed=True)] + items[index + 1 :]
    assert _score(changed).a >= _score(items).a


@SETTINGS
@given(
    item_lists,
    st.data(),
    st.sampled_from(["quality_failures", "delays"]),
    rulebooks,
    st.none() | leaders,
)
def test_certifying_objective_never_lowers_score(
    items: list[Item], data: st.DataObject, kind: str, rulebook, leader
) -> None:
    objective = f"objective_{kind}"
    candidates = [i for i, it in enumerate(items) if getattr(it, kind) > getattr(it, objective)]
    if not candidates:
        return
    index = data.draw(st.sampled_from(candidates))
    certified = replace(items[index], **{objective: getattr(items[index], objective) + 1})
    changed = items[:index] + [certified] + items[index + 1 :]
    before, after = _score(items, rulebook, leader), _score(changed, rulebook, leader)
    if before.total is not None:
        assert after.total >= before.total


@SETTINGS
@given(item_lists, st.integers(2, 4))
def test_count_equals_repetition(items: list[Item], times: int) -> None:
    grouped = [replace(item, count=item.count * times) for item in items]
    repeated = [item for item in items for _ in range(times)]
    assert _score(grouped).total == _score(repeated).total


@SETTINGS
@given(totals, totals)
def test_classification_monotone(first: Fraction, second: Fraction) -> None:
    low, high = sorted((first, second))
    rank = {code: len(LEVELS) - i for i, code in enumerate(LEVELS)}
    assert rank[classify(low, RB).code] <= rank[classify(high, RB).code]


@SETTINGS
@given(
    st.lists(items(), max_size=5),
    generals,
    st.none() | leaders,
    st.lists(st.sampled_from(list(OVERRIDES)), min_size=1, max_size=3),
)
def test_any_override_fails(items: list[Item], general: list, leader, overrides: list) -> None:
    role = "leader" if leader else "staff"
    result = score_period(items, general, role=role, leader=leader, overrides=overrides)
    assert result.classification == "fail"
    assert result.label == "Không hoàn thành nhiệm vụ"


@SETTINGS
@given(st.lists(st.tuples(st.none() | totals, st.booleans()), max_size=12))
def test_year_average_within_worked_totals(periods: list) -> None:
    result = score_year([YearPeriod(total, worked) for total, worked in periods], RB)
    used = [total for total, worked in periods if worked and total is not None]
    assert result.periods_used == len(used)
    if used:
        assert min(used) <= result.total <= max(used)
    else:
        assert result.total is None and result.classification is None


@SETTINGS
@given(item_lists, generals, st.none() | leaders, rulebooks)
def test_fast_path_gives_the_same_numbers(items: list[Item], general, leader, rulebook) -> None:
    role = "leader" if leader else "staff"
    slow = score_period(items, general, role=role, leader=leader, rulebook=rulebook)
    fast = score_period(items, general, role=role, leader=leader, rulebook=rulebook, explain=False)
    assert fast.explanation == ()
    for name in ("a", "b", "c", "task_score", "total", "classification", "label"):
        assert getattr(fast, name) == getattr(slow, name), name


@SETTINGS
@given(st.lists(items(), min_size=1, max_size=6), rulebooks)
def test_lines_of_one_quantity_may_sum_their_coefficients(items: list[Item], rulebook) -> None:
    """The bulk loader merges lines that differ only in coefficient: exact under the rules."""
    same = [
        replace(
            item,
            quantity=items[0].quantity,
            completed=items[0].completed,
            quality_failures=items[0].quality_failures,
            objective_quality_failures=items[0].objective_quality_failures,
            delays=items[0].delays,
            objective_delays=items[0].objective_delays,
            count=1,
        )
        for item in items
    ]
    merged = replace(same[0], coefficient=sum(i.coefficient for i in same))
    assert _score(same, rulebook).task_score == _score([merged], rulebook).task_score


@SETTINGS
@given(
    st.lists(st.tuples(st.none() | totals, st.booleans()), max_size=12),
    st.lists(st.sampled_from(sorted(OVERRIDES)), max_size=2),
)
def test_year_fast_path_gives_the_same_result(periods: list, overrides: list) -> None:
    inputs = [YearPeriod(total, worked) for total, worked in periods]
    slow, fast = (
        score_year(inputs, overrides=overrides),
        score_year(inputs, overrides=overrides, explain=False),
    )
    assert (fast.total, fast.classification, fast.label, fast.periods_used) == (
        slow.total,
        slow.classification,
        slow.label,
        slow.periods_used,
    )
