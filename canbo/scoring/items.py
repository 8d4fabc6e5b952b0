"""Converted weights of assigned items: the numerators and denominator of a, b, c (Art. 14)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from canbo.scoring.numfmt import fmt, to_fraction
from canbo.scoring.rulebook import Rulebook
from canbo.scoring.text import _
from canbo.scoring.types import Item, ScoringInputError, Step, TaskResult


@dataclass(frozen=True)
class Line:
    """One item converted to exact numbers, for a single unit of its count."""

    weight: Fraction
    coefficient: Fraction
    completed: bool
    counted_failures: int
    objective_failures: int
    counted_delays: int
    objective_delays: int
    count: int


def _count(value: object, field: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScoringInputError(field, _("Must be an integer."))
    if value < minimum:
        raise ScoringInputError(
            field, _("Must not be less than %(minimum)s.") % {"minimum": minimum}
        )
    return value


def _number(value: object, field: str) -> Fraction:
    try:
        return to_fraction(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ScoringInputError(field, _("Must be a finite real number.")) from None


def _pair(total: int, objective: int, path: str, name: str) -> None:
    if objective > total:
        raise ScoringInputError(
            f"{path}.objective_{name}",
            _(
                "The number of times confirmed as due to objective causes (%(objective)s) is "
                "greater than the total number of times (%(total)s)."
            )
            % {"objective": objective, "total": total},
        )


def to_line(item: Item, path: str) -> Line:
    """Validate an item and convert it; `path` names it in errors, e.g. items[0]."""
    quantity = _number(item.quantity, f"{path}.quantity")
    coefficient = _number(item.coefficient, f"{path}.coefficient")
    if quantity < 0:
        raise ScoringInputError(f"{path}.quantity", _("The quantity must not be negative."))
    if coefficient <= 0:
        raise ScoringInputError(
            f"{path}.coefficient", _("The conversion coefficient must be greater than 0.")
        )
    if not isinstance(item.completed, bool):
        raise ScoringInputError(f"{path}.completed", _("Must be true or false."))
    q = _count(item.quality_failures, f"{path}.quality_failures")
    oq = _count(item.objective_quality_failures, f"{path}.objective_quality_failures")
    d = _count(item.delays, f"{path}.delays")
    od = _count(item.objective_delays, f"{path}.objective_delays")
    count = _count(item.count, f"{path}.count", minimum=1)
    _pair(q, oq, path, "quality_failures")
    _pair(d, od, path, "delays")
    if not item.completed:
        for name, value in (("quality_failures", q), ("delays", d)):
            if value > 0:
                raise ScoringInputError(
                    f"{path}.{name}",
                    _(
                        "A product not completed cannot have quality failures or delays "
                        "(more than the allowed 0)."
                    ),
                )
    return Line(
        weight=quantity * coefficient,
        coefficient=coefficient,
        completed=item.completed,
        counted_failures=q - oq,
        objective_failures=oq,
        counted_delays=d - od,
        objective_delays=od,
        count=count,
    )


def _deducted(line: Line, rate: Fraction, counted: int) -> Fraction:
    # Each counted failure takes `rate` of ONE product's weight; a line never goes below 0.
    return max(Fraction(0), line.weight - rate * line.coefficient * counted)


def quality_of(line: Line, rulebook: Rulebook) -> Fraction:
    if not line.completed:
        return Fraction(0)
    return _deducted(line, rulebook.quality_deduction, line.counted_failures)


def progress_of(line: Line, rulebook: Rulebook) -> Fraction:
    if not line.completed:
        return Fraction(0)
    if rulebook.late_item_mode == "zero" and line.counted_delays > 0:
        return Fraction(0)
    return _deducted(line, rulebook.delay_deduction, line.counted_delays)


def _item_name(item: Item, index: int, line: Line) -> str:
    name = _("Product %(number)s") % {"number": index + 1}
    name += f" ({item.name})" if item.name else ""
    if line.count > 1:
        name += " " + _("× %(count)s identical lines") % {"count": line.count}
    return name


def _deduction_text(what: str, counted: int, rate: Fraction, line: Line, left: Fraction) -> str:
    cut = rate * line.coefficient * counted
    text = (
        _("%(count)s %(what)s counted (minus %(cut)s, not below 0), %(left)s left")
        if cut > line.weight
        else _("%(count)s %(what)s counted (minus %(cut)s), %(left)s left")
    )
    return text % {"count": counted, "what": what, "cut": fmt(cut, 4), "left": fmt(left, 4)}


def _delay_step(name: str, line: Line, rulebook: Rulebook) -> Step:
    if rulebook.late_item_mode == "zero":
        text = _("%(count)s delays counted: a late product gets no progress points") % {
            "count": line.counted_delays
        }
        return Step("delay_deduction", rulebook.basis_for("late_item_mode"), f"{name}: {text}.")
    text = _deduction_text(
        _("delays"),
        line.counted_delays,
        rulebook.delay_deduction,
        line,
        progress_of(line, rulebook),
    )
    return Step("delay_deduction", rulebook.basis_for("delay_deduction"), f"{name}: {text}.")


def item_steps(item: Item, index: int, line: Line, rulebook: Rulebook) -> list[Step]:
    name = _item_name(item, index, line)
    quantity = to_fraction(item.quantity)
    status = (
        _("completed")
        if line.completed
        else _("not completed, counted in the assigned volume only")
    )
    text = _(
        "%(name)s: %(quantity)s × %(coefficient)s = %(weight)s converted products; %(status)s."
    )
    steps = [
        Step(
            "quantity",
            rulebook.basis_for("quantity"),
            text
            % {
                "name": name,
                "quantity": fmt(quantity, 4),
                "coefficient": fmt(line.coefficient, 4),
                "weight": fmt(line.weight, 4),
                "status": status,
            },
        )
    ]
    if line.counted_failures:
        text = _deduction_text(
            _("quality failures"),
            line.counted_failures,
            rulebook.quality_deduction,
            line,
            quality_of(line, rulebook),
        )
        steps.append(
            Step("quality_deduction", rulebook.basis_for("quality_deduction"), f"{name}: {text}.")
        )
    if line.counted_delays:
        steps.append(_delay_step(name, line, rulebook))
    for what, objective in (
        (_("quality failures"), line.objective_failures),
        (_("delays"), line.objective_delays),
    ):
        if objective:
            text = _(
                "%(name)s: %(count)s %(what)s confirmed as due to objective causes, not deducted."
            )
            steps.append(
                Step(
                    "objective_cause",
                    rulebook.basis_for("objective_cause"),
                    text % {"name": name, "count": objective, "what": what},
                )
            )
    return steps


Contribution = tuple[Fraction, Fraction, Fraction, Fraction]


def contribution(line: Line, rulebook: Rulebook) -> Contribution:
    """The line's share of the assigned, completed, quality and progress weights."""
    weight = line.count * line.weight
    if not line.completed:
        return weight, Fraction(0), Fraction(0), Fraction(0)
    return (
        weight,
        weight,
        line.count * quality_of(line, rulebook),
        line.count * progress_of(line, rulebook),
    )


def exact_sum(pairs) -> Fraction:
    """Sum fractions given as (numerator, denominator) with integer arithmetic."""
    by_denominator: dict[int, int] = {}
    for numerator, denominator in pairs:
        by_denominator[denominator] = by_denominator.get(denominator, 0) + numerator
    if not by_denominator:
        return Fraction(0)
    common = lcm(*by_denominator)
    return Fraction(sum(n * (common // d) for d, n in by_denominator.items()), common)


def compute_task(items: Sequence[Item], rulebook: Rulebook, explain: bool = True) -> TaskResult:
    """Sum the converted weights of all items; every sum multiplies by the item's count."""
    if not explain:
        parts = [
            contribution(to_line(item, f"items[{i}]"), rulebook) for i, item in enumerate(items)
        ]
        sums = [
            exact_sum((v.numerator, v.denominator) for v in column)
            for column in zip(*parts, strict=True)
        ]
        assigned, completed, quality, progress = sums or [Fraction(0)] * 4
        return TaskResult(
            assigned_weight=assigned,
            completed_weight=completed,
            quality_weight=quality,
            progress_weight=progress,
            explanation=(),
        )
    assigned = completed = quality = progress = Fraction(0)
    steps: list[Step] = []
    for index, item in enumerate(items):
        line = to_line(item, f"items[{index}]")
        weight, done, good, timely = contribution(line, rulebook)
        assigned, completed = assigned + weight, completed + done
        quality, progress = quality + good, progress + timely
        steps.extend(item_steps(item, index, line, rulebook))
    return TaskResult(
        assigned_weight=assigned,
        completed_weight=completed,
        quality_weight=quality,
        progress_weight=progress,
        explanation=tuple(steps),
    )
