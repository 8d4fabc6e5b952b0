"""Stored rows of months and pooled quarters from weight sums (the bulk recompute).

The numbers are those of period_row(score_month(...)), computed from integer sums without a
PeriodResult; they go out either as ScoreRows (upsert) or straight as COPY text lines, which
spares 170,000 rows of Decimals on PostgreSQL's path.
"""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from canbo.scoring import STAFF
from canbo.scoring.bulk import Sums, no_items_month, ratios
from canbo.scoring.rulebook import Rulebook
from canbo.work.recompute.copytext import line, month_line
from canbo.work.recompute.scorer import PLACES, WEIGHT_PLACES, ScoreRow, period_row, rounded

Numbers = tuple[int, ...]  # a, b, c, task score in 10^-6; four weights in 10^-4


def month_numbers(sums: Sums, scale: int, rulebook: Rulebook) -> tuple[Numbers, Fraction]:
    """The stored numbers of a month (or pooled quarter) with items, and its exact task score
    (the year averages those)."""
    (a, assigned), (b, _), (c, _), task = ratios(sums, rulebook)
    numbers = (
        rounded(a, assigned, PLACES),
        rounded(b, assigned, PLACES),
        rounded(c, assigned, PLACES),
        rounded(task.numerator, task.denominator, PLACES),
        *(rounded(w, scale, WEIGHT_PLACES) for w in sums),
    )
    return numbers, task


class RowSink:
    """ScoreRows, for upsert."""

    def __init__(self, now: datetime, job_id: int | None) -> None:
        self.now, self.job_id = now, job_id

    def row(self, row: ScoreRow) -> ScoreRow:
        return row

    def sums(
        self, person_id: int, kind: str, start: date, sums: Sums, scale: int, rulebook: Rulebook
    ) -> tuple[ScoreRow, Fraction | None]:
        if not sums[0]:
            result = no_items_month(rulebook)
            row = period_row(person_id, kind, start, result, self.now, self.job_id)
            return self.row(row), result.task_score
        numbers, task = month_numbers(sums, scale, rulebook)
        a, b, c, score = (Decimal(n).scaleb(-PLACES) for n in numbers[:4])
        weights = [Decimal(n).scaleb(-WEIGHT_PLACES) for n in numbers[4:]]
        return ScoreRow(
            person_id=person_id,
            kind=kind,
            period_start=start,
            rulebook=rulebook.code,
            role=STAFF,
            a=a,
            b=b,
            c=c,
            task_score=score,
            general_score=None,
            total=None,
            classification="",
            no_items=False,
            assigned_weight=weights[0],
            completed_weight=weights[1],
            quality_weight=weights[2],
            progress_weight=weights[3],
            explanation=[],
            computed_at=self.now,
            job_id=self.job_id,
        ), task


class TextSink(RowSink):
    """COPY text lines, for copy_upsert (the same values as RowSink's rows)."""

    def row(self, row: ScoreRow) -> str:
        return line(row)

    def sums(
        self, person_id: int, kind: str, start: date, sums: Sums, scale: int, rulebook: Rulebook
    ) -> tuple[str, Fraction | None]:
        if not sums[0]:
            return super().sums(person_id, kind, start, sums, scale, rulebook)
        numbers, task = month_numbers(sums, scale, rulebook)
        text = month_line(person_id, kind, start, rulebook.code, numbers, self.now, self.job_id)
        return text, task
