"""Score of one evaluation period: general criteria + task results, then classification."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from canbo.scoring.classify import check_overrides, classify
from canbo.scoring.criteria import CriteriaSet, Criterion
from canbo.scoring.items import compute_task
from canbo.scoring.leader import leader_components
from canbo.scoring.numfmt import Number, fmt, fmt_percent, to_fraction
from canbo.scoring.rulebook import Rulebook, resolve
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

NO_ITEMS_TEXT = "không có sản phẩm được giao"
LeaderValues = tuple[Fraction, Fraction, Fraction]


def _points(raw: Number, criterion: Criterion, field: str) -> Fraction:
    try:
        points = to_fraction(raw)
    except (TypeError, ValueError):
        raise ScoringInputError(field, "Điểm phải là một số.") from None
    if not 0 <= points <= criterion.max_points:
        raise ScoringInputError(
            field, f"Điểm {fmt(points)} nằm ngoài khoảng 0 – {fmt(criterion.max_points)}."
        )
    if points % criterion.step:
        raise ScoringInputError(
            field, f"Điểm {fmt(points, 4)} không phải bội số của bước {fmt(criterion.step)}."
        )
    return points


GeneralPoints = Sequence[Number] | Mapping[str, Number]


def score_general(points: GeneralPoints, criteria: CriteriaSet) -> tuple[Fraction, Step]:
    """Sum the lines of a criteria set, each checked against its maximum and step.

    `points` follow the set's items, or are keyed by item code ({"I.1": 5, ...}).
    """
    listed = criteria.ordered(points) if isinstance(points, Mapping) else list(points)
    items = criteria.items
    if len(listed) != len(items):
        raise ScoringInputError(
            "general",
            f"Bộ tiêu chí “{criteria.code}” cần đúng {len(items)} điểm tiêu chí chung"
            f" ({', '.join(criteria.codes)}), nhận {len(listed)}.",
        )
    values = [
        _points(p, c, _field(points, i, c))
        for i, (p, c) in enumerate(zip(listed, items, strict=True))
    ]
    total = sum(values, Fraction(0))
    parts = "; ".join(
        f"({group.code}) {fmt(subtotal)}/{fmt(group.max_points)}"
        for group, subtotal in criteria.subtotals(values)
    )
    text = f"Tiêu chí chung: {parts}. Cộng {fmt(total)}/{fmt(criteria.max_points)} điểm."
    return total, Step("general", criteria.basis, text)


def _field(points: GeneralPoints, index: int, criterion: Criterion) -> str:
    return f"general.{criterion.code}" if isinstance(points, Mapping) else f"general[{index}]"


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
            "role", f"Vai trò “{role}” không hợp lệ. Giá trị hợp lệ: staff, leader."
        )
    if role == STAFF and leader is not None:
        raise ScoringInputError("leader", "Chỉ khai báo thông tin lãnh đạo khi vai trò là leader.")
    if role == LEADER and leader is None:
        raise ScoringInputError("leader", "Vai trò leader cần thông tin d, đ, e (leader).")


def _ratios(sums: TaskResult) -> tuple[Fraction, Fraction, Fraction]:
    a = sums.completed_weight / sums.assigned_weight
    b = sums.quality_weight / sums.assigned_weight
    c = sums.progress_weight / sums.assigned_weight
    return a, b, c


def _ratio_step(sums: TaskResult, rulebook: Rulebook) -> Step:
    a, b, c = _ratios(sums)
    whole = fmt(sums.assigned_weight, 4)
    text = (
        f"Tổng sản phẩm quy đổi được giao {whole}. "
        f"a (số lượng) = {fmt(sums.completed_weight, 4)} / {whole} = {fmt_percent(a)}; "
        f"b (chất lượng) = {fmt(sums.quality_weight, 4)} / {whole} = {fmt_percent(b)}; "
        f"c (tiến độ) = {fmt(sums.progress_weight, 4)} / {whole} = {fmt_percent(c)}."
    )
    return Step("ratios", rulebook.basis_for("quantity"), text)


def task_formula(
    ratios: tuple[Fraction, Fraction, Fraction], leader: LeaderValues | None, rulebook: Rulebook
) -> tuple[Fraction, Step]:
    """70 × (a+b+c)/3 for staff, 70 × (a+b+c+d+đ+e)/6 for leaders (rulebook parameters)."""
    parts = list(ratios) + list(leader or ())
    is_leader = leader is not None
    divisor = rulebook.leader_divisor if is_leader else rulebook.staff_divisor
    score = fast_task_score(ratios, leader, rulebook)
    names = "a + b + c + d + đ + e" if is_leader else "a + b + c"
    shown = " + ".join(fmt(p, 4) for p in parts)
    text = (
        f"Điểm kết quả thực hiện nhiệm vụ = {fmt(rulebook.task_max)} × ({names}) / {divisor} = "
        f"{fmt(rulebook.task_max)} × ({shown}) / {divisor} = {fmt(score)}."
    )
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
        text = f"Kỳ này {NO_ITEMS_TEXT}: điểm kết quả thực hiện nhiệm vụ tính 0 theo bộ quy tắc."
        return Fraction(0), Step("no_items", rulebook.basis_for("no_items_policy"), text)
    text = (
        f"Kỳ này {NO_ITEMS_TEXT}: không có điểm kết quả thực hiện nhiệm vụ, không có tổng điểm "
        "và kỳ này không được tính vào điểm trung bình."
    )
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
        text = f"Tổng điểm = {fmt(general)} + {fmt(task)} = {fmt(total)}."
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
