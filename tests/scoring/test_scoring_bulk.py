"""The bulk path (integer weight sums) gives exactly what the explained engine gives."""

from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canbo.scoring import Item, ScoringInputError, compute_task, get_rulebook, score_quarter
from canbo.scoring.bulk import (
    month_from_sums,
    pooled,
    pooled_quarter,
    quarter_from_sums,
    unit_factors,
)
from canbo.scoring.period import finish_period
from canbo.scoring.types import TaskResult

RB = get_rulebook()
SETTINGS = settings(database=None, max_examples=150, deadline=None)
# Rates that no power of ten divides, and the other modes: the scale must follow them.
rulebooks = st.sampled_from(
    [
        RB,
        replace(RB, code="zero-late", late_item_mode="zero"),
        replace(
            RB, code="thirds", quality_deduction=Fraction(1, 3), delay_deduction=Fraction(2, 7)
        ),
        replace(RB, code="mean-zero", quarter_mode="mean", no_items_policy="zero"),
    ]
)
quantities = st.integers(1, 500).map(lambda n: Fraction(n, 100))  # like the 2-place field
coefficients = st.integers(1, 300).map(lambda n: Fraction(n, 100))


@st.composite
def lines(draw: st.DrawFn) -> tuple[Fraction, Fraction, bool, int, int]:
    """A task as the database groups it: counted failures and delays, none if unfinished."""
    done = draw(st.booleans())
    failures = draw(st.integers(0, 6)) if done else 0
    delays = draw(st.integers(0, 6)) if done else 0
    return draw(quantities), draw(coefficients), done, failures, delays


def _database_sums(tasks, rulebook, extra=()):
    """What canbo.work.recompute.sums computes: Σ coefficient × factor of the task's pattern."""
    patterns = [(n, done, q, d) for n, _, done, q, d in tasks]
    scale, factors = unit_factors(patterns, [rulebook, *extra])
    table = factors[rulebook.code]
    sums = [0, 0, 0, 0]
    for n, k, done, q, d in tasks:
        for i, factor in enumerate(table[(n, done, q, d)]):
            sums[i] += k * factor
    # Coefficients have 2 places: the database's sums × 100 are integers.
    assert all((s * 100).denominator == 1 for s in sums)
    return scale * 100, tuple(int(s * 100) for s in sums)


@SETTINGS
@given(st.lists(lines(), min_size=1, max_size=10), rulebooks)
def test_factor_sums_equal_the_engine_sums(tasks, rulebook) -> None:
    items = [Item(n, k, done, quality_failures=q, delays=d) for n, k, done, q, d in tasks]
    engine = compute_task(items, rulebook, explain=True)
    scale, sums = _database_sums(tasks, rulebook)
    assert [Fraction(s, scale) for s in sums] == [
        engine.assigned_weight,
        engine.completed_weight,
        engine.quality_weight,
        engine.progress_weight,
    ]


@SETTINGS
@given(st.lists(lines(), min_size=1, max_size=6), rulebooks, rulebooks)
def test_one_scale_serves_every_rulebook(tasks, first, second) -> None:
    items = [Item(n, k, done, quality_failures=q, delays=d) for n, k, done, q, d in tasks]
    scale, sums = _database_sums(tasks, first, extra=[second])
    assert Fraction(sums[2], scale) == compute_task(items, first).quality_weight


sums_strategy = st.integers(0, 10**6).flatmap(
    lambda a: st.tuples(st.just(a), *[st.integers(0, a)] * 3)
)


@SETTINGS
@given(sums_strategy, st.integers(1, 10**4), rulebooks)
def test_month_from_sums_is_finish_period(sums, scale, rulebook) -> None:
    weights = TaskResult(*(Fraction(s, scale) for s in sums), ())
    expected = finish_period("staff", weights, None, None, rulebook, (), [], explain=False)
    assert month_from_sums(sums, scale, rulebook) == expected


@SETTINGS
@given(st.lists(sums_strategy, max_size=3), st.integers(1, 10**4), rulebooks)
def test_quarter_from_sums_is_score_quarter(months, scale, rulebook) -> None:
    results = [month_from_sums(s, scale, rulebook) for s in months]
    expected = score_quarter(results, rulebook, explain=False)
    assert quarter_from_sums(months, scale, rulebook) == expected
    pooled_sums = pooled_quarter(months, rulebook)
    assert (pooled_sums is None) == (rulebook.quarter_mode == "mean")
    if pooled_sums is not None:
        assert month_from_sums(pooled_sums, scale, rulebook) == expected


def test_pooled_adds_column_by_column() -> None:
    assert pooled([(10, 8, 7, 6), (5, 5, 4, 0)]) == (15, 13, 11, 6)
    assert pooled([]) == (0, 0, 0, 0)


def test_a_pattern_the_rules_refuse_names_its_field() -> None:
    with pytest.raises(ScoringInputError) as error:
        unit_factors([(Fraction(1), True, -1, 0)], [RB])
    assert error.value.field == "items[0].quality_failures"


def test_factors_are_integers_over_the_scale() -> None:
    scale, factors = unit_factors([(Fraction(3, 2), True, 1, 0), (Fraction(1), False, 0, 0)], [RB])
    # 1.5 products, one counted failure at 1/4: quality 1.5 − 0.25 = 1.25 of a coefficient.
    assert scale == 4
    assert factors[RB.code][(Fraction(3, 2), True, 1, 0)] == (6, 6, 5, 6)
    assert factors[RB.code][(Fraction(1), False, 0, 0)] == (4, 0, 0, 0)
