"""Quarter from months (rulebook.quarter_mode) and year from periodic totals (Art. 21)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from canbo.scoring.classify import COMPLETE, FAIL, LABELS, LEVELS, check_overrides, classify
from canbo.scoring.items import exact_sum
from canbo.scoring.numfmt import fmt, fmt_percent, to_fraction
from canbo.scoring.period import LeaderValues, finish_period
from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.text import _
from canbo.scoring.types import (
    LEADER,
    STAFF,
    Classification,
    PeriodResult,
    ScoringInputError,
    Step,
    TaskResult,
    YearPeriod,
    YearResult,
)


def _mean(values: Sequence[Fraction]) -> Fraction | None:
    if not values:
        return None
    return exact_sum((v.numerator, v.denominator) for v in values) / len(values)


def _role(months: Sequence[PeriodResult]) -> str:
    roles = {m.role for m in months}
    if len(roles) > 1:
        raise ScoringInputError("months", _("The months of a quarter must have the same role."))
    return roles.pop() if roles else STAFF


def _sums(months: Sequence[PeriodResult]) -> TaskResult:
    def total(name: str) -> Fraction:
        return exact_sum((v.numerator, v.denominator) for v in (getattr(m, name) for m in months))

    return TaskResult(
        total("assigned_weight"),
        total("completed_weight"),
        total("quality_weight"),
        total("progress_weight"),
        (),
    )


def _general_step(values: list[Fraction], rulebook: Rulebook) -> Step:
    shown = " + ".join(fmt(v) for v in values)
    mean = _mean(values)
    text = (
        _(
            "General criteria of the quarter = mean of %(count)s months worked: "
            "(%(shown)s) / %(count)s = %(mean)s."
        )
        % {"count": len(values), "shown": shown, "mean": fmt(mean)}
        if mean is not None
        else _("No month worked in the quarter has general criteria points.")
    )
    return Step("general", rulebook.basis_for("criteria"), text)


def _lowest(months: Sequence[PeriodResult], key: str) -> Fraction | None:
    values = [getattr(m, key) for m in months if getattr(m, key) is not None]
    return min(values) if values else None


def _leader_minimum(
    months: Sequence[PeriodResult], rulebook: Rulebook
) -> tuple[LeaderValues, Step]:
    d, dd, e = (_lowest(months, key) or Fraction(0) for key in ("d", "dd", "e"))
    text = _(
        "The quarter's d, đ, e are the lowest of its months: d = %(d)s, đ = %(dd)s, e = %(e)s."
    ) % {"d": fmt_percent(d), "dd": fmt_percent(dd), "e": fmt_percent(e)}
    return (d, dd, e), Step("quarter_leader", rulebook.basis_for("quarter_mode"), text)


def _quarter_pool(
    months: Sequence[PeriodResult],
    role: str,
    rulebook: Rulebook,
    overrides: Sequence[str],
    explain: bool = True,
) -> PeriodResult:
    text = _(
        "The quarter pools %(count)s months worked: a, b, c are the summed numerators / the "
        "summed converted products assigned of the months."
    ) % {"count": len(months)}
    generals = [m.general_score for m in months if m.general_score is not None]
    steps = (
        [
            Step("quarter_pool", rulebook.basis_for("quarter_mode"), text),
            _general_step(generals, rulebook),
        ]
        if explain
        else []
    )
    leader = None
    if role == LEADER and months:
        leader, step = _leader_minimum(months, rulebook)
        steps.extend([step] if explain else [])
    return finish_period(
        role, _sums(months), _mean(generals), leader, rulebook, overrides, steps, explain
    )


def _quarter_mean(
    months: Sequence[PeriodResult], role: str, rulebook: Rulebook, overrides: Sequence[str]
) -> PeriodResult:
    scored = [m for m in months if m.total is not None]
    totals = [m.total for m in scored if m.total is not None]
    total = _mean(totals)
    text = (
        _(
            "Quarter score = mean of the totals of %(count)s scored months: "
            "(%(shown)s) / %(count)s = %(total)s."
        )
        % {"count": len(totals), "shown": " + ".join(fmt(t) for t in totals), "total": fmt(total)}
        if total is not None
        else _("No month of the quarter has a total: no quarter score.")
    )
    steps = [Step("quarter_mean", rulebook.basis_for("quarter_mode"), text)]
    verdict = classify(total, rulebook, overrides)
    steps.extend(verdict.explanation)
    general = _mean([m.general_score for m in scored if m.general_score is not None])
    task = _mean([m.task_score for m in scored if m.task_score is not None])
    d, dd, e = (_lowest(months, key) for key in ("d", "dd", "e"))
    return PeriodResult(
        role=role,
        a=None,
        b=None,
        c=None,
        d=d,
        dd=dd,
        e=e,
        task_score=task,
        general_score=general,
        total=total,
        classification=verdict.code,
        label=verdict.label,
        no_items=not scored,
        **_sums(months).weights(),
        explanation=tuple(steps),
    )


def score_quarter(
    months: Sequence[PeriodResult],
    rulebook: Rulebook | None = None,
    overrides: Sequence[str] = (),
    explain: bool = True,
) -> PeriodResult:
    """Combine the monthly results of the months actually worked (pass only those)."""
    rulebook = resolve(rulebook)
    check_overrides(overrides)
    role = _role(months)
    if rulebook.quarter_mode == "mean":
        return _quarter_mean(months, role, rulebook, overrides)
    return _quarter_pool(months, role, rulebook, overrides, explain)


def _period_total(period: YearPeriod, index: int) -> Fraction | None:
    field = f"periods[{index}]"
    if period.worked is not True and period.worked is not False:
        raise ScoringInputError(f"{field}.worked", _("Must be true or false."))
    if period.total is None:
        return None
    if type(period.total) is Fraction:  # the bulk recompute's case: integer checks only
        total = period.total
        if 0 <= total.numerator <= 100 * total.denominator:
            return total
    try:
        total = to_fraction(period.total)
    except (TypeError, ValueError):
        raise ScoringInputError(f"{field}.total", _("The total must be a number.")) from None
    if not 0 <= total <= 100:
        raise ScoringInputError(
            f"{field}.total", _("Total %(total)s lies outside 0 – 100.") % {"total": fmt(total)}
        )
    return total


def _year_steps(
    periods: Sequence[YearPeriod], totals: list[Fraction | None], basis: str
) -> tuple[list[Fraction], list[Step]]:
    used: list[Fraction] = []
    steps: list[Step] = []
    for index, (period, total) in enumerate(zip(periods, totals, strict=True)):
        name = period.name or _("Period %(number)s") % {"number": index + 1}
        if not period.worked:
            text = _("%(name)s: not actually worked (legitimate leave), not counted.")
            steps.append(Step("excluded_period", basis, text % {"name": name}))
        elif total is None:
            text = _("%(name)s: no score, not counted.")
            steps.append(Step("excluded_period", basis, text % {"name": name}))
        else:
            used.append(total)
    return used, steps


def score_year(
    periods: Sequence[YearPeriod],
    rulebook: Rulebook | None = None,
    overrides: Sequence[str] = (),
    explain: bool = True,
) -> YearResult:
    """Average the periodic totals over the periods actually worked, then classify."""
    rulebook = resolve(rulebook)
    check_overrides(overrides)
    basis = rulebook.basis_for("year")
    totals = [_period_total(p, i) for i, p in enumerate(periods)]
    used, steps = _year_steps(periods, totals, basis)
    total = _mean(used)
    if not explain:
        verdict = short_year(classify(total, rulebook, overrides, explain=False), periods, rulebook)
        return _year_result(total, verdict, len(used), ())
    if total is None:
        steps.append(
            Step(
                "year_average",
                basis,
                _("No period actually worked has a score: no year score."),
            )
        )
    else:
        shown = " + ".join(fmt(t) for t in used)
        steps.append(
            Step(
                "year_average",
                basis,
                _(
                    "Year score = mean of %(count)s periods actually worked: "
                    "(%(shown)s) / %(count)s = %(total)s."
                )
                % {"count": len(used), "shown": shown, "total": fmt(total)},
            )
        )
    verdict = short_year(classify(total, rulebook, overrides), periods, rulebook)
    steps.extend(verdict.explanation)
    return _year_result(total, verdict, len(used), tuple(steps))


def _year_result(
    total: Fraction | None, verdict: Classification, used: int, steps: tuple[Step, ...]
) -> YearResult:
    return YearResult(
        total=total,
        classification=verdict.code,
        label=verdict.label,
        periods_used=used,
        explanation=steps,
    )


def short_year(
    verdict: Classification, periods: Sequence[YearPeriod], rulebook: Rulebook
) -> Classification:
    """The Decree 90/2020 precedent, when the rulebook switches it on."""
    if not rulebook.short_year_rule or verdict.code is None or verdict.code == FAIL:
        return verdict
    worked = sum(1 for p in periods if p.worked)
    absent = sum(1 for p in periods if not p.worked and not p.maternity)
    basis = rulebook.basis_for("short_year_rule")
    if worked < rulebook.short_year_min_months and absent:
        text = _(
            "Actually worked %(worked)s months, fewer than %(minimum)s months (not because of "
            "maternity leave): not classified."
        ) % {"worked": worked, "minimum": rulebook.short_year_min_months}
        return Classification(None, None, (*verdict.explanation, Step("short_year", basis, text)))
    if absent >= rulebook.short_year_cap_months and LEVELS.index(verdict.code) < LEVELS.index(
        COMPLETE
    ):
        text = _(
            "Absent %(absent)s months (%(cap)s months or more, not because of maternity "
            "leave): not classified above “%(label)s”."
        ) % {"absent": absent, "cap": rulebook.short_year_cap_months, "label": LABELS[COMPLETE]}
        return Classification(
            COMPLETE, LABELS[COMPLETE], (*verdict.explanation, Step("short_year", basis, text))
        )
    return verdict
