"""Call the pure scoring engine for stored periods and turn its results into PeriodScore rows.

General criteria come from evaluation sheets that do not exist yet, so a month is scored with
the engine's two steps that `score_period` composes — `compute_task` then `finish_period` —
with no general score: the result has a task score, no total and no classification.
"""

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

from canbo.scoring import (
    STAFF,
    Item,
    PeriodResult,
    YearPeriod,
    compute_task,
    rulebook_for,
    score_quarter,
    score_year,
)
from canbo.scoring.period import finish_period
from canbo.work.choices import ScoreKind
from canbo.work.models import PeriodScore, RecomputeJob

PLACES = Decimal("0.000001")
WEIGHT_PLACES = Decimal("0.0001")
# Steps that judge a total: without general criteria there is none to classify.
NOT_STORED = {"classification"}


def score_month(items: Sequence[Item], month: date, explain: bool = False) -> PeriodResult:
    rulebook = rulebook_for(month)
    sums = compute_task(items, rulebook, explain)
    return finish_period(STAFF, sums, None, None, rulebook, (), list(sums.explanation),
                         explain=explain)


def score_quarter_of(months: Sequence[PeriodResult], start: date,
                     explain: bool = False) -> PeriodResult:
    return score_quarter(months, rulebook_for(start), explain=explain)


def year_task_score(months: Sequence[tuple[date, PeriodResult]], start: date,
                    explain: bool = False):
    """Art. 21: the year averages the periodic scores over the periods with a score."""
    periods = [YearPeriod(r.task_score, name=f"Tháng {m:%m/%Y}") for m, r in months]
    return score_year(periods, rulebook_for(start), explain=explain)


def _decimal(value: Fraction | None, places: Decimal = PLACES) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(places)


def _steps(steps) -> list[dict]:
    return [s.as_dict() for s in steps if s.rule not in NOT_STORED]


class ScoreRow(SimpleNamespace):
    """A PeriodScore's column values: building 170,000 model instances costs more than
    scoring them, so bulk writes take plain rows and only the ORM path makes models."""

    def model(self) -> PeriodScore:
        return PeriodScore(**vars(self))


def period_row(person_id: int, kind: str, start: date, result: PeriodResult, now: datetime,
               job: RecomputeJob | None) -> ScoreRow:
    return ScoreRow(
        person_id=person_id, kind=kind, period_start=start,
        rulebook=rulebook_for(start).code, role=result.role,
        a=_decimal(result.a), b=_decimal(result.b), c=_decimal(result.c),
        task_score=_decimal(result.task_score), general_score=_decimal(result.general_score),
        total=_decimal(result.total), classification=result.classification or "",
        no_items=result.no_items,
        assigned_weight=_decimal(result.assigned_weight, WEIGHT_PLACES),
        completed_weight=_decimal(result.completed_weight, WEIGHT_PLACES),
        quality_weight=_decimal(result.quality_weight, WEIGHT_PLACES),
        progress_weight=_decimal(result.progress_weight, WEIGHT_PLACES),
        explanation=_steps(result.explanation), computed_at=now, job_id=job and job.pk,
    )


def year_row(person_id: int, start: date, months: Sequence[tuple[date, PeriodResult]],
             now: datetime, job: RecomputeJob | None) -> ScoreRow:
    year = year_task_score(months, start)
    return ScoreRow(
        person_id=person_id, kind=ScoreKind.YEAR, period_start=start,
        rulebook=rulebook_for(start).code, role=STAFF,
        task_score=_decimal(year.total), no_items=year.total is None,
        assigned_weight=_decimal(sum((r.assigned_weight for _, r in months), Fraction(0)),
                                 WEIGHT_PLACES),
        a=None, b=None, c=None, general_score=None, total=None, classification="",
        completed_weight=Decimal(0), quality_weight=Decimal(0), progress_weight=Decimal(0),
        explanation=_steps(year.explanation), computed_at=now, job_id=job and job.pk,
    )
