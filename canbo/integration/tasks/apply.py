"""Write a derived state (canbo.work.task_state) onto a source-managed task.

The task's Delay and QualityReview rows are rebuilt by difference: rows the derivation still
wants are kept (with any objective-cause certification made on them), rows it no longer wants
are deleted, missing ones are created. Rows recorded by a person in the web app (recorded_by or
reviewer set) are never touched. The counters on Task are then recounted from the rows, as
canbo.work.task_services does.
"""

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.integration.tasks.models import TaskEvent, TaskRecord
from canbo.work.models import Delay, QualityReview, Task
from canbo.work.task_services import STATE_FIELDS
from canbo.work.task_state import Base, Event, State, derive


def base_of(record: TaskRecord) -> Base:
    return Base(record.status, record.due_date, record.completed_date)


def events_of(task: Task) -> list[Event]:
    rows = TaskEvent.objects.filter(task=task).values_list(
        "kind", "occurred_at", "event_id", "new_due", "completed_date", "note"
    )
    return [Event(*row) for row in rows]


def rebuild(task: Task, record: TaskRecord, client=None, action: str = "") -> bool:
    """Fold the task's events again and save the result; return whether anything changed."""
    state = derive(base_of(record), events_of(task))
    before = audit.snapshot(task, STATE_FIELDS)
    _sync_delays(task, state)
    _sync_failures(task, state)
    task.status, task.due_date = state.status, state.due_date
    task.completed_date = state.completed_date
    recount(task)
    after = audit.snapshot(task, STATE_FIELDS)
    if after == before:
        return False
    task.save(update_fields=[*STATE_FIELDS, "updated_at"])
    if action:
        audit.record(
            None,
            action,
            task,
            before,
            after,
            reason=_("Connected application: %(client)s") % {"client": client} if client else "",
        )
    return True


def _sync_delays(task: Task, state: State) -> None:
    wanted = Counter((d.kind, d.due_before, d.due_after) for d in state.delays)
    for row in Delay.objects.filter(task=task, recorded_by__isnull=True).order_by("id"):
        key = (row.kind, row.due_before, row.due_after)
        if wanted[key] > 0:
            wanted[key] -= 1
        else:
            row.delete()
    at = {(d.kind, d.due_before, d.due_after): d.at for d in state.delays}
    Delay.objects.bulk_create(
        [
            Delay(
                task=task,
                kind=kind,
                due_before=before,
                due_after=after,
                **({"at": at[(kind, before, after)]} if at[(kind, before, after)] else {}),
            )
            for (kind, before, after), n in wanted.items()
            for _copy in range(n)
        ]
    )


def _sync_failures(task: Task, state: State) -> None:
    wanted = Counter(f.at for f in state.failures)
    notes = {f.at: f.note for f in state.failures}
    api_rows = QualityReview.objects.filter(task=task, reviewer__isnull=True, passed=False)
    for row in api_rows.order_by("id"):
        if wanted[row.at] > 0:
            wanted[row.at] -= 1
        else:
            row.delete()
    QualityReview.objects.bulk_create(
        [
            QualityReview(
                task=task,
                passed=False,
                at=at,
                note=notes[at] or _("Returned for rework (task software)"),
            )
            for at, n in wanted.items()
            for _copy in range(n)
        ]
    )


def recount(task: Task) -> None:
    failed, objective = Q(passed=False), Q(objective=True)
    reviews = QualityReview.objects.filter(task=task).aggregate(
        failures=Count("id", filter=failed), objective=Count("id", filter=failed & objective)
    )
    delays = Delay.objects.filter(task=task).aggregate(
        n=Count("id"), objective=Count("id", filter=objective)
    )
    task.quality_failures = reviews["failures"]
    task.objective_quality_failures = reviews["objective"]
    task.delays, task.objective_delays = delays["n"], delays["objective"]
