"""Recompute stored period scores: in bulk for a period (a RecomputeJob), or for one person's
month after a task changes."""

import logging
from collections import defaultdict
from datetime import date, timedelta
from fractions import Fraction
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from canbo.org.models import Organization
from canbo.scoring import ScoringInputError, rulebook_for
from canbo.scoring.bulk import ZERO, Sums, pooled_quarter, quarter_from_sums
from canbo.work.choices import JobStatus, ScoreKind
from canbo.work.loader import people_in_scope, task_items
from canbo.work.locks import locked_in, locked_months, period_is_open
from canbo.work.models import PeriodScore, RecomputeJob
from canbo.work.periods import Period, month_start, quarter_of
from canbo.work.recompute.scorer import period_row, score_month, year_row
from canbo.work.recompute.shares import encoded_blocks
from canbo.work.recompute.sumrows import RowSink, TextSink
from canbo.work.recompute.sums import WeightSums, weight_sums
from canbo.work.recompute.upsert import copy_upsert, upsert

log = logging.getLogger(__name__)
Months = dict[int, list[tuple[date, Sums, Fraction | None]]]
__all__ = [
    "build_rows",
    "interrupt_stale_jobs",
    "locked_months",
    "period_is_open",
    "recompute",
    "refresh_person_period",
]
FAILED = gettext_lazy(
    "System error while recomputing scores; no score was changed. Run it again or tell the "
    "administrator."
)
INTERRUPTED = gettext_lazy(
    "The run was interrupted (the process stopped midway): no score was changed. Run it again."
)
PARALLEL_FROM = 20_000  # rows: below this, forking workers costs more than it saves


def recompute(period: Period, org: Organization | None = None) -> RecomputeJob:
    """Score every person in scope for every month of the period (plus its quarters and the
    year); all rows are written in one transaction or none. A person's locked month is not
    rewritten: `job.locked` counts those skipped (the command says so)."""
    interrupt_stale_jobs()
    job = RecomputeJob.objects.create(period=period.label, organization=org)
    job.locked = 0
    try:
        with transaction.atomic():
            job.rows = _write(period, org, job)
        job.status = JobStatus.DONE
    except ScoringInputError as exc:
        job.errors, job.status = [{"field": exc.field, "message": exc.message}], JobStatus.FAILED
    except Exception:
        # Not the data's fault (a worker died, the database went away): the job says it
        # failed, and the error goes on to the caller and the log.
        _finish(job, JobStatus.FAILED, [{"field": "", "message": str(FAILED)}])
        raise
    return _finish(job, job.status, job.errors)


def interrupt_stale_jobs() -> int:
    """Mark as interrupted the jobs still "running" past the timeout: their process died (its
    transaction was rolled back, so they changed nothing)."""
    cutoff = timezone.now() - timedelta(minutes=settings.STALE_JOB_MINUTES)
    return RecomputeJob.objects.filter(status=JobStatus.RUNNING, started_at__lt=cutoff).update(
        status=JobStatus.INTERRUPTED,
        finished_at=timezone.now(),
        errors=[{"field": "", "message": str(INTERRUPTED)}],
    )


def _finish(job: RecomputeJob, status: str, errors: list) -> RecomputeJob:
    job.status, job.errors, job.finished_at = status, errors, timezone.now()
    job.save(update_fields=["rows", "errors", "status", "finished_at"])
    return job


def _write(period: Period, org: Organization | None, job: RecomputeJob) -> int:
    """PostgreSQL: COPY text lines, scored by several processes for a large period; otherwise
    ScoreRows through upsert."""
    loaded, people = _load(period, org)
    locked = locked_in(period.months)
    in_scope = set(people)
    job.locked = sum(person in in_scope for person, _ in locked)
    if connection.vendor != "postgresql":
        sink = RowSink(timezone.now(), job.pk)
        return upsert(_rows(period, loaded, people, sink, locked))
    workers = settings.RECOMPUTE_WORKERS
    if len(people) * (len(period.months) + 5) < PARALLEL_FROM:
        workers = 1
    produce = partial(_rows, period, loaded, sink=TextSink(timezone.now(), job.pk), locked=locked)
    with connection.cursor() as cursor:
        # This transaction holds derived scores only, recomputable at will: its commit need not
        # wait for the disk (a crash in that instant loses the scores, never a user's entry).
        cursor.execute("SET LOCAL synchronous_commit = off")
    return copy_upsert(encoded_blocks(produce, people, workers))


def build_rows(period: Period, org: Organization | None, job: RecomputeJob | None) -> list:
    """Every row of the period as ScoreRows (months, then quarters, then the year)."""
    sink = RowSink(timezone.now(), job and job.pk)
    return list(_rows(period, *_load(period, org), sink, locked_in(period.months)))


def _load(period: Period, org: Organization | None) -> tuple[WeightSums, list[int]]:
    loaded = weight_sums(period.months, org)
    return loaded, sorted(set(people_in_scope(org)) | {person for person, _ in loaded.sums})


def _rows(
    period: Period,
    loaded: WeightSums,
    people: list[int],
    sink: RowSink,
    locked: frozenset | set = frozenset(),
):
    """The rows of every month of the period, then of its quarters and its year, computed as
    they are consumed (upsert copies them meanwhile). A locked (person, month) keeps its stored
    row: it is not yielded; nor is a quarter or a year whose months are all locked."""
    months: Months = defaultdict(list)
    for month in period.months:
        rulebook = rulebook_for(month)
        for person in people:
            sums = loaded.sums.get((person, month), ZERO)
            row, task = sink.sums(person, ScoreKind.MONTH, month, sums, loaded.scale, rulebook)
            months[person].append((month, sums, task))
            if (person, month) not in locked:
                yield row
    if period.kind != ScoreKind.MONTH:
        yield from _quarter_rows(period, months, loaded.scale, sink, locked)
    if period.kind == ScoreKind.YEAR:
        for person in people:
            if not all((person, month) in locked for month in period.months):
                yield sink.row(_year_row(person, period.start, months[person], loaded.scale, sink))


def _quarter_rows(period: Period, months: Months, scale: int, sink: RowSink, locked):
    quarter = {month: quarter_of(month).start for month in period.months}
    rulebooks = {start: rulebook_for(start) for start in quarter.values()}
    for person, results in months.items():
        inside: dict[date, list[Sums]] = defaultdict(list)
        open_ = set()
        for month, sums, _ in results:
            inside[quarter[month]].append(sums)
            if (person, month) not in locked:
                open_.add(quarter[month])
        for start, parts in sorted(inside.items()):
            if start not in open_:
                continue  # every month of it is locked: its stored row stays
            rulebook = rulebooks[start]
            sums = pooled_quarter(parts, rulebook)
            if sums is not None:
                yield sink.sums(person, ScoreKind.QUARTER, start, sums, scale, rulebook)[0]
            else:  # the rulebook averages months instead of pooling them
                result = quarter_from_sums(parts, scale, rulebook)
                yield sink.row(
                    period_row(person, ScoreKind.QUARTER, start, result, sink.now, sink.job_id)
                )


def _year_row(person: int, start: date, results, scale: int, sink: RowSink):
    assigned = Fraction(sum(sums[0] for _, sums, _ in results), scale)
    months = [(m, task) for m, _, task in results]
    return year_row(person, start, months, assigned, sink.now, sink.job_id)


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
