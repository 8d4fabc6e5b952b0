"""Recomputing stored period scores: in bulk for a period (a RecomputeJob, `jobs`), or for
one person's month after a task changes. The database sums the weights (`sums`), the pure
engine scores them (`scorer`, `sumrows`), and the rows are written back (`upsert`, with
PostgreSQL COPY text from `copytext`, shared out to worker processes by `shares`)."""

from canbo.work.recompute.jobs import (
    build_rows,
    interrupt_stale_jobs,
    locked_months,
    period_is_open,
    recompute,
    refresh_person_period,
)

__all__ = [
    "build_rows",
    "interrupt_stale_jobs",
    "locked_months",
    "period_is_open",
    "recompute",
    "refresh_person_period",
]
