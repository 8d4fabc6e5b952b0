"""Call the pure scoring engine for stored periods and turn its results into PeriodScore rows.

General criteria come from evaluation sheets that do not exist yet, so a month is scored with
the engine's two steps that `score_period` composes — `compute_task` then `finish_period` —
with no general score: the result has a task score, no total and no classification.
"""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from django.utils.translation import gettext as _

from canbo.scoring import (
    STAFF,
    Item,
    PeriodResult,
    YearPeriod,
    compute_task,
    rulebook_for,
    score_year,
)
from canbo.scoring.period import finish_period
from canbo.work.choices import ScoreKind
from canbo.work.models import PeriodScore

PLACES = 6  # decimal places of stored ratios and scores (PeriodScore.RATIO)
WEIGHT_PLACES = 4  # and of stored weights (PeriodScore.WEIGHT)
# Steps that judge a total: without general criteria there is none to classify.
NOT_STORED = {"classification"}


def score_month(items: Sequence[Item], month: date, explain: bool = False) -> PeriodResult:
    rulebook = rulebook_for(month)
    sums = compute_task(items, rulebook, explain)
    return finish_period(
        STAFF, sums, None, None, rulebook, (), list(sums.explanation), explain=explain
    )


def year_task_score(
    months: Sequence[tuple[date, Fraction | None]], start: date, explain: bool = False
):
    """Art. 21: the year averages the monthly task scores over the months with a score."""
    periods = [
        YearPeriod(task, name=_("Month %(month)s") % {"month": f"{m:%m/%Y}"} if explain else "")
        for m, task in months
    ]
    return score_year(periods, rulebook_for(start), explain=explain)


def _decimal(value: Fraction | None, places: int = PLACES) -> Decimal | None:
    return None if value is None else _fixed(value.numerator, value.denominator, places)


def _fixed(numerator: int, denominator: int, places: int = PLACES) -> Decimal:
    return Decimal(rounded(numerator, denominator, places)).scaleb(-places)


def rounded(numerator: int, denominator: int, places: int) -> int:
    """numerator / denominator in units of 10^-places, rounded half to even, with integers
    only (a bulk recompute rounds about 1.5 million values)."""
    quotient, rest = divmod(numerator * 10**places, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and quotient & 1):
        quotient += 1
    return quotient


def _steps(steps) -> list[dict]:
    return [s.as_dict() for s in steps if s.rule not in NOT_STORED]


class ScoreRow(NamedTuple):
    """A PeriodScore's column values, in the order the COPY path writes them: building 170,000
    model instances costs more than scoring them, so bulk writes take plain rows and only the
    ORM path makes models."""

    person_id: int
    kind: str
    period_start: date
    rulebook: str
    role: str
    a: Decimal | None
    b: Decimal | None
    c: Decimal | None
    task_score: Decimal | None
    general_score: Decimal | None
    total: Decimal | None
    classification: str
    no_items: bool
    assigned_weight: Decimal
    completed_weight: Decimal
    quality_weight: Decimal
    progress_weight: Decimal
    explanation: list
    computed_at: datetime
    job_id: int | None

    def model(self) -> PeriodScore:
        return PeriodScore(**self._asdict())


def period_row(
    person_id: int, kind: str, start: date, result: PeriodResult, now: datetime, job_id: int | None
) -> ScoreRow:
    return ScoreRow(
        person_id=person_id,
        kind=kind,
        period_start=start,
        rulebook=rulebook_for(start).code,
        role=result.role,
        a=_decimal(result.a),
        b=_decimal(result.b),
        c=_decimal(result.c),
        task_score=_decimal(result.task_score),
        general_score=_decimal(result.general_score),
        total=_decimal(result.total),
        classification=result.classification or "",
        no_items=result.no_items,
        assigned_weight=_decimal(result.assigned_weight, WEIGHT_PLACES),
        completed_weight=_decimal(result.completed_weight, WEIGHT_PLACES),
        quality_weight=_decimal(result.quality_weight, WEIGHT_PLACES),
        progress_weight=_decimal(result.progress_weight, WEIGHT_PLACES),
        explanation=_steps(result.explanation),
        computed_at=now,
        job_id=job_id,
    )


def year_row(
    person_id: int,
    start: date,
    months: Sequence[tuple[date, Fraction | None]],
    assigned: Fraction,
    now: datetime,
    job_id: int | None,
) -> ScoreRow:
    year = year_task_score(months, start)
    return ScoreRow(
        person_id=person_id,
        kind=ScoreKind.YEAR,
        period_start=start,
        rulebook=rulebook_for(start).code,
        role=STAFF,
        task_score=_decimal(year.total),
        no_items=year.total is None,
        assigned_weight=_decimal(assigned, WEIGHT_PLACES),
        a=None,
        b=None,
        c=None,
        general_score=None,
        total=None,
        classification="",
        completed_weight=Decimal(0),
        quality_weight=Decimal(0),
        progress_weight=Decimal(0),
        explanation=_steps(year.explanation),
        computed_at=now,
        job_id=job_id,
    )
