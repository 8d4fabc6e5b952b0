"""Recompute stored period scores: in bulk for a period (a RecomputeJob), or for one person's
month after a task changes."""

import logging
from collections import defaultdict
from datetime import date

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from canbo.org.models import Organization
from canbo.scoring import PeriodResult, ScoringInputError
from canbo.work.choices import JobStatus, ScoreKind
from canbo.work.loader import grouped_items, people_in_scope, task_items
from canbo.work.models import PeriodScore, RecomputeJob
from canbo.work.periods import Period, month_start, quarter_of
from canbo.work.scorer import period_row, score_month, score_quarter_of, year_row
from canbo.work.upsert import upsert

log = logging.getLogger(__name__)
Months = dict[int, list[tuple[date, PeriodResult]]]


def recompute(period: Period, org: Organization | None = None) -> RecomputeJob:
    """Score every person in scope for every month of the period (plus its quarters and the
    year); all rows are written in one transaction or none."""
    job = RecomputeJob.objects.create(period=period.label, organization=org)
    try:
        rows = build_rows(period, org, job)
        with transaction.atomic():
            job.rows = upsert(rows)
        job.status = JobStatus.DONE
    except ScoringInputError as exc:
        job.errors, job.status = [{"field": exc.field, "message": exc.message}], JobStatus.FAILED
    job.finished_at = timezone.now()
    job.save(update_fields=["rows", "errors", "status", "finished_at"])
    return job


def build_rows(period: Period, org: Organization | None, job: RecomputeJob | None):
    now = timezone.now()
    items = grouped_items(period.months, org)  # the ONE grouped query of the period
    people = sorted(set(people_in_scope(org)) | {person for person, _ in items})
    months: Months = defaultdict(list)
    rows = []
    for month in period.months:
        for person in people:
            result = score_month(items.get((person, month), ()), month)
            months[person].append((month, result))
            rows.append(period_row(person, ScoreKind.MONTH, month, result, now, job))
    if period.kind != ScoreKind.MONTH:
        rows += _quarter_rows(period, months, now, job)
    if period.kind == ScoreKind.YEAR:
        rows += [year_row(person, period.start, months[person], now, job) for person in people]
    return rows


def _quarter_rows(period: Period, months: Months, now, job) -> list[PeriodScore]:
    starts = sorted({quarter_of(m).start for m in period.months})
    rows = []
    for person, results in months.items():
        for start in starts:
            inside = [r for m, r in results if quarter_of(m).start == start]
            result = score_quarter_of(inside, start)
            rows.append(period_row(person, ScoreKind.QUARTER, start, result, now, job))
    return rows


def period_is_open(person_id: int, month: date) -> bool:
    """Whether a month may still change: not once the person's evaluation period is locked."""
    sheets = apps.get_model("evaluation", "EvaluationSheet").objects
    return not sheets.filter(person_id=person_id, period__start=month_start(month),
                             period__status="locked").exists()


def locked_months(pairs) -> set[tuple[int, date]]:
    """Of the (person id, month) pairs, those whose evaluation period is locked (one query)."""
    pairs = {(person, month_start(month)) for person, month in pairs if person}
    if not pairs:
        return set()
    sheets = apps.get_model("evaluation", "EvaluationSheet").objects.filter(
        period__status="locked", person_id__in={p for p, _ in pairs},
        period__start__in={m for _, m in pairs})
    return set(sheets.values_list("person_id", "period__start")) & pairs


def refresh_person_period(person_id: int, period: date) -> PeriodScore | None:
    """Re-score one person's month with the full explanation (called after a task change)."""
    month = month_start(period)
    if not period_is_open(person_id, month):
        return None
    try:
        result = score_month(task_items(person_id, month), month, explain=True)
    except ScoringInputError as exc:
        # e.g. a month before the rulebook took effect: nothing to score, never a crash.
        log.warning("month %s of person %s not scored: %s", month, person_id, exc)
        return None
    row = period_row(person_id, ScoreKind.MONTH, month, result, timezone.now(), None)
    upsert([row])
    return PeriodScore.objects.get(person_id=person_id, kind=ScoreKind.MONTH, period_start=month)
