"""Score of one evaluation period: general criteria + task results, then classification.

GeneralPoints and score_general live in canbo.scoring.general; they are imported here too."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from canbo.scoring.classify import check_overrides, classify
from canbo.scoring.criteria import CriteriaSet
from canbo.scoring.general import GeneralPoints, score_general
from canbo.scoring.items import compute_task
from canbo.scoring.leader import leader_components
from canbo.scoring.numfmt import fmt, fmt_percent
from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.text import _, gettext_noop
from canbo.scoring.types import (
    LEADER,
    ROLES,
    STAFF,
    Item,
    LeaderInput,
    PeriodResult,
    ScoringInputError,
    Step,
    TaskResult,
)

# The msgid of canbo.scoring.NO_ITEMS_TEXT: the explanation of an empty period says it.
NO_ITEMS = gettext_noop("no products assigned")
LeaderValues = tuple[Fraction, Fraction, Fraction]


def pick_criteria(
    general: GeneralPoints, rulebook: Rulebook, criteria: CriteriaSet | str | None
) -> CriteriaSet:
    """The set named (or given); without one, the set that fits the shape of the points."""
    if isinstance(criteria, CriteriaSet):
        return criteria
    if criteria is not None:
        return rulebook.criteria_set(criteria)
    return rulebook.criteria_set_for(general)


def _check_role(role: str, leader: LeaderInput | None) -> None:
    if role not in ROLES:
        raise ScoringInputError(
            "role", _("Invalid role “%(role)s”. Valid values: staff, leader.") % {"role": role}
        )
    if role == STAFF and leader is not None:
        raise ScoringInputError(
            "leader", _("Give the leader information only when the role is leader.")
        )
    if role == LEADER and leader is None:
        raise ScoringInputError("leader", _("The leader role needs d, đ, e (leader)."))


def _ratios(sums: TaskResult) -> tuple[Fraction, Fraction, Fraction]:
    a = sums.completed_weight / sums.assigned_weight
    b = sums.quality_weight / sums.assigned_weight
    c = sums.progress_weight / sums.assigned_weight
    return a, b, c


def _ratio_step(sums: TaskResult, rulebook: Rulebook) -> Step:
    a, b, c = _ratios(sums)
    whole = fmt(sums.assigned_weight, 4)
    text = _(
        "Converted products assigned in all %(whole)s. "
        "a (quantity) = %(completed)s / %(whole)s = %(a)s; "
        "b (quality) = %(quality)s / %(whole)s = %(b)s; "
        "c (progress) = %(progress)s / %(whole)s = %(c)s."
    ) % {
        "whole": whole,
        "completed": fmt(sums.completed_weight, 4),
        "quality": fmt(sums.quality_weight, 4),
        "progress": fmt(sums.progress_weight, 4),
        "a": fmt_percent(a),
        "b": fmt_percent(b),
        "c": fmt_percent(c),
    }
    return Step("ratios", rulebook.basis_for("quantity"), text)


def task_formula(
    ratios: tuple[Fraction, Fraction, Fraction], leader: LeaderValues | None, rulebook: Rulebook
) -> tuple[Fraction, Step]:
    """70 × (a+b+c)/3 for staff, 70 × (a+b+c+d+đ+e)/6 for leaders (rulebook parameters)."""
    parts = list(ratios) + list(leader or ())
    is_leader = leader is not None
    divisor = rulebook.leader_divisor if is_leader else rulebook.staff_divisor
    score = fast_task_score(ratios, leader, rulebook)
    text = (
        _(
            "Task result score = %(most)s × (a + b + c + d + đ + e) / %(divisor)s = "
            "%(most)s × (%(shown)s) / %(divisor)s = %(score)s."
        )
        if is_leader
        else _(
            "Task result score = %(most)s × (a + b + c) / %(divisor)s = "
            "%(most)s × (%(shown)s) / %(divisor)s = %(score)s."
        )
    ) % {
        "most": fmt(rulebook.task_max),
        "divisor": divisor,
        "shown": " + ".join(fmt(p, 4) for p in parts),
        "score": fmt(score),
    }
    key = "leader_formula" if is_leader else "staff_formula"
    return score, Step("task_formula", rulebook.basis_for(key), text)


def fast_task_score(
    ratios: tuple[Fraction, Fraction, Fraction], leader: LeaderValues | None, rulebook: Rulebook
) -> Fraction:
    """The same formula as task_formula, without its explanation text."""
    parts = sum(list(ratios) + list(leader or ()), Fraction(0))
    return task_from_ratio_sum(parts.numerator, parts.denominator, leader is not None, rulebook)


def task_from_ratio_sum(
    numerator: int, denominator: int, is_leader: bool, rulebook: Rulebook
) -> Fraction:
    """task_max × (a + b + c [+ d + đ + e]) / divisor, given the sum in brackets as
    numerator / denominator (one reduction: the bulk recompute calls this 160,000 times)."""
    divisor = rulebook.leader_divisor if is_leader else rulebook.staff_divisor
    most = rulebook.task_max  # a Fraction or an int: both have numerator and denominator
    return Fraction(most.numerator * numerator, most.denominator * divisor * denominator)


def _no_items(rulebook: Rulebook) -> tuple[Fraction | None, Step]:
    if rulebook.no_items_policy == "zero":
        text = _(
            "This period has %(no_items)s: the task result score counts as 0 under the rulebook."
        ) % {"no_items": _(NO_ITEMS)}
        return Fraction(0), Step("no_items", rulebook.basis_for("no_items_policy"), text)
    text = _(
        "This period has %(no_items)s: no task result score, no total, and the period is not "
        "counted in the average."
    ) % {"no_items": _(NO_ITEMS)}
    return None, Step("no_items", rulebook.basis_for("no_items_policy"), text)


def finish_period(
    role: str,
    sums: TaskResult,
    general: Fraction | None,
    leader: LeaderValues | None,
    rulebook: Rulebook,
    overrides: Sequence[str],
    steps: list[Step],
    explain: bool = True,
) -> PeriodResult:
    """Turn weight sums, general points and leader values into a classified result.

    explain=False computes the same numbers without building any text (bulk recompute).
    """
    no_items = sums.assigned_weight == 0
    if no_items:
        a = b = c = None
        task, step = _no_items(rulebook)
    else:
        a, b, c = _ratios(sums)
        if not explain:
            task, step = fast_task_score((a, b, c), leader, rulebook), None
        else:
            steps.append(_ratio_step(sums, rulebook))
            task, step = task_formula((a, b, c), leader, rulebook)
    if explain and step is not None:
        steps.append(step)
    total = None if task is None or general is None else general + task
    if total is not None and general is not None and task is not None and explain:
        text = _("Total = %(general)s + %(task)s = %(total)s.") % {
            "general": fmt(general),
            "task": fmt(task),
            "total": fmt(total),
        }
        steps.append(Step("total", rulebook.basis_for("total"), text))
    verdict = classify(total, rulebook, overrides, explain=explain)
    steps.extend(verdict.explanation)
    d, dd, e = leader or (None, None, None)
    return PeriodResult(
        role=role,
        a=a,
        b=b,
        c=c,
        d=d,
        dd=dd,
        e=e,
        task_score=task,
        general_score=general,
        total=total,
        classification=verdict.code,
        label=verdict.label,
        no_items=no_items,
        **sums.weights(),
        explanation=tuple(steps),
    )


def score_period(
    items: Sequence[Item],
    general: GeneralPoints,
    *,
    criteria: CriteriaSet | str | None = None,
    role: str = STAFF,
    leader: LeaderInput | None = None,
    overrides: Sequence[str] = (),
    rulebook: Rulebook | None = None,
    explain: bool = True,
) -> PeriodResult:
    """Score one month or quarter from its items; explain=False skips the per-item steps.

    `criteria` names the general criteria set; without it the shape of `general` decides.
    """
    rulebook = resolve(rulebook)
    _check_role(role, leader)
    check_overrides(overrides)
    general_score, general_step = score_general(general, pick_criteria(general, rulebook, criteria))
    sums = compute_task(items, rulebook, explain)
    steps = [*sums.explanation, general_step] if explain else []
    values: LeaderValues | None = None
    if leader is not None:
        d, dd, e, leader_steps = leader_components(leader, rulebook)
        values = (d, dd, e)
        steps.extend(leader_steps if explain else ())
    return finish_period(role, sums, general_score, values, rulebook, overrides, steps, explain)
