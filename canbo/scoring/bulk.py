"""Scores of many periods from integer weight sums (the recompute of a whole province).

Every term of the rules is proportional to an item's coefficient (w = n × k; a deduction is
r × k × failures; max(0, k(n − r·f)) = k·max(0, n − r·f)). So a line's contribution to the four
weight sums is its coefficient times the contribution of the same line with a coefficient of 1.
The engine weighs each distinct pattern (quantity, completed, counted quality failures, counted
delays) once, for a coefficient of 1, as integers over one common scale (`unit_factors`); the
database multiplies each task's coefficient by its pattern's factors and sums per person and
month; the ratios and the task formula then apply to those integer sums (`month_from_sums`).
tests/scoring/test_scoring_bulk.py checks that this path gives exactly what the explained path
gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from math import lcm

from canbo.scoring.aggregate import score_quarter
from canbo.scoring.classify import classify
from canbo.scoring.items import contribution, to_line
from canbo.scoring.numfmt import Number
from canbo.scoring.period import finish_period, task_from_ratio_sum
from canbo.scoring.rulebook import Rulebook
from canbo.scoring.types import STAFF, Item, PeriodResult, TaskResult

Pattern = tuple[Number, int, int, int]  # quantity, completed (1/0), counted failures, delays
Sums = tuple[int, int, int, int]  # assigned, completed, quality, progress weights × scale
Pair = tuple[int, int]  # an exact ratio as (numerator, denominator)
ZERO: Sums = (0, 0, 0, 0)
_NO_ITEMS = TaskResult(Fraction(0), Fraction(0), Fraction(0), Fraction(0), ())


def unit_factors(
    patterns: Iterable[Pattern], rulebooks: Sequence[Rulebook]
) -> tuple[int, dict[str, dict[Pattern, Sums]]]:
    """Each pattern's contribution for a coefficient of 1 under each rulebook, as integers.

    Returns (scale, {rulebook code: {pattern: factors}}): factors / scale are the exact
    contributions; one scale serves every rulebook so that months under different rulebooks
    still pool into one quarter.
    """
    exact: dict[str, dict[Pattern, tuple[Fraction, ...]]] = {}
    for rulebook in rulebooks:
        exact[rulebook.code] = {
            pattern: _unit_contribution(pattern, index, rulebook)
            for index, pattern in enumerate(patterns)
        }
    scale = lcm(1, *(v.denominator for table in exact.values() for c in table.values() for v in c))
    factors = {
        code: {p: tuple(int(v * scale) for v in c) for p, c in table.items()}
        for code, table in exact.items()
    }
    return scale, factors  # type: ignore[return-value]


def _unit_contribution(pattern: Pattern, index: int, rulebook: Rulebook) -> tuple[Fraction, ...]:
    quantity, completed, failures, delays = pattern
    item = Item(quantity, 1, bool(completed), quality_failures=failures, delays=delays)
    return contribution(to_line(item, f"items[{index}]"), rulebook)


def ratios(sums: Sums, rulebook: Rulebook) -> tuple[Pair, Pair, Pair, Fraction]:
    """a, b, c as (numerator, denominator) pairs and the task score of a staff month with
    items (assigned > 0): the numbers finish_period computes, without building a Fraction for
    each ratio (a bulk recompute only rounds them for storage); a + b + c share the denominator
    assigned, so their sum needs no addition of fractions."""
    assigned, completed, quality, progress = sums
    task = task_from_ratio_sum(completed + quality + progress, assigned, False, rulebook)
    return (completed, assigned), (quality, assigned), (progress, assigned), task


def no_items_month(rulebook: Rulebook) -> PeriodResult:
    """A month with nothing assigned (its task score depends on rulebook.no_items_policy)."""
    return finish_period(STAFF, _NO_ITEMS, None, None, rulebook, (), [], explain=False)


def month_from_sums(sums: Sums, scale: int, rulebook: Rulebook) -> PeriodResult:
    """A staff member's month without general criteria (as the recompute stores it): the same
    result as finish_period on the same weights."""
    if not sums[0]:
        return no_items_month(rulebook)
    a, b, c, task = ratios(sums, rulebook)
    verdict = classify(None, rulebook, (), explain=False)
    assigned, completed, quality, progress = (Fraction(s, scale) for s in sums)
    return PeriodResult(
        role=STAFF,
        a=Fraction(*a),
        b=Fraction(*b),
        c=Fraction(*c),
        d=None,
        dd=None,
        e=None,
        task_score=task,
        general_score=None,
        total=None,
        classification=verdict.code,
        label=verdict.label,
        no_items=False,
        assigned_weight=assigned,
        completed_weight=completed,
        quality_weight=quality,
        progress_weight=progress,
        explanation=(),
    )


def pooled(months: Sequence[Sums]) -> Sums:
    assigned = completed = quality = progress = 0
    for a, c, q, p in months:  # plain loop: 40,000 quarters of a province-year
        assigned, completed, quality, progress = (
            assigned + a,
            completed + c,
            quality + q,
            progress + p,
        )
    return assigned, completed, quality, progress


def pooled_quarter(months: Sequence[Sums], rulebook: Rulebook) -> Sums | None:
    """The quarter's weight sums when the rulebook pools its months (the quarter then scores
    like a month of those sums), None when it averages them (see quarter_from_sums)."""
    return pooled(months) if rulebook.quarter_mode == "pool" else None


def quarter_from_sums(months: Sequence[Sums], scale: int, rulebook: Rulebook) -> PeriodResult:
    """The quarter of the months' sums: pooled sums in "pool" mode (what score_quarter computes
    from the same months), score_quarter of the months' results otherwise."""
    sums = pooled_quarter(months, rulebook)
    if sums is not None:
        return month_from_sums(sums, scale, rulebook)
    results = [month_from_sums(sums, scale, rulebook) for sums in months]
    return score_quarter(results, rulebook, explain=False)
