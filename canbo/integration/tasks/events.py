"""Record task events from a connected system and re-derive the tasks they concern.

Every event is kept (TaskEvent) with the time it occurred. On each arrival the task's state is
folded again from its base payload over all its events in order of occurrence
(canbo.work.task_state), so events arriving out of order end in the same state. An event
is identified by (task, event_id): the same event sent again is recorded once; an event_id
reused with a different content is refused (409).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.integration.api.errors import ApiError
from canbo.integration.tasks import identity as task_identity
from canbo.integration.tasks.apply import rebuild
from canbo.integration.tasks.models import TaskEvent, TaskRecord
from canbo.integration.tasks.refs import check_completion
from canbo.integration.tasks.schemas import BulkEventIn
from canbo.integration.tasks.scores import schedule_refresh
from canbo.work import locks
from canbo.work.models import Task

COMPARED = ("kind", "occurred_at", "actor_code", "new_due", "completed_date", "note")
ONLY_FOR = {"new_due": "deadline_extended", "completed_date": "completed"}


@dataclass(frozen=True)
class EventsResult:
    received: int
    written: int
    tasks: list[Task]

    def as_dict(self) -> dict:
        return {
            "received": self.received,
            "written": self.written,
            "tasks_changed": len(self.tasks),
        }


class Fields:
    """Names fields in errors: "events[3].new_due" in a batch, "new_due" for one event."""

    def __init__(self, prefix: str):
        self.prefix = prefix

    def error(
        self, i: int, name: str, message: str, status: int = 422, code: str = "invalid"
    ) -> ApiError:
        field = f"{self.prefix}[{i}].{name}" if self.prefix else name
        return ApiError(status, code, message, field)


@transaction.atomic
def record_events(
    client, source: str, items: list[BulkEventIn], prefix: str = "events"
) -> EventsResult:
    fields = Fields(prefix)
    tasks = _tasks(client, source, items, fields)
    for i, item in enumerate(items):
        _check(fields, i, item, tasks[item.external_id])
    refuse_locked({(t.assignee_id, t.period) for t in tasks.values()})
    new = _new_events(client, items, tasks, fields)
    TaskEvent.objects.bulk_create(new)
    changed = []
    for task in {e.task_id: e.task for e in new}.values():
        if rebuild(task, _record_of(task), client, "integration.apply_task_events"):
            changed.append(task)
    schedule_refresh({(t.assignee_id, t.period) for t in changed}, client.organization_id)
    return EventsResult(len(items), len(new), changed)


def refuse_locked(pairs) -> None:
    """A locked evaluation period is read-only, through the API too (canbo.work.locks)."""
    try:
        locks.refuse_locked(pairs)
    except locks.PeriodLocked as exc:
        raise ApiError(409, "period_locked", exc.message) from None


def _tasks(client, source: str, items: list[BulkEventIn], fields: Fields) -> dict[str, Task]:
    ids = sorted({item.external_id for item in items})
    mine = task_identity.candidates(client, source, ids).values_list("id", "external_id", "visible")
    chosen = {ext: (pk, visible) for pk, ext, visible in reversed(list(mine))}
    visible = (
        Task.objects.filter(pk__in=[pk for pk, ok in chosen.values() if ok])
        .select_related("source_record")
        .select_for_update(of=("self",))
        .order_by("id")
    )
    tasks = {t.external_id: t for t in visible}
    for i, item in enumerate(items):
        if item.external_id in tasks:
            continue
        if item.external_id in chosen:
            raise fields.error(
                i,
                "external_id",
                _("Task %(task)s belongs to a unit outside the connected application's scope.")
                % {"task": f"{source}/{item.external_id}"},
                403,
                "outside_scope",
            )
        status, code = (404, "not_found") if not fields.prefix else (422, "unknown_task")
        raise fields.error(
            i,
            "external_id",
            _("There is no task %(task)s yet: send the task before its events.")
            % {"task": f"{source}/{item.external_id}"},
            status,
            code,
        )
    return tasks


def _check(fields: Fields, i: int, item: BulkEventIn, task: Task) -> None:
    for name, kind in ONLY_FOR.items():
        value = getattr(item, name)
        if item.kind == kind and value is None:
            raise fields.error(
                i, name, _("Event %(kind)s needs field %(name)s.") % {"kind": kind, "name": name}
            )
        if item.kind != kind and value is not None:
            raise fields.error(
                i,
                name,
                _("Field %(name)s is used only with event %(kind)s.")
                % {"kind": kind, "name": name},
            )
    if item.new_due and item.new_due < task.assigned_date:
        raise fields.error(
            i, "new_due", _("The new due date must not be before the assigned date.")
        )
    if item.completed_date:
        check_completion(fields, i, task.assigned_date, item.completed_date)


def aware(moment: datetime) -> datetime:
    """A time without zone is Vietnam time (Asia/Ho_Chi_Minh)."""
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def _new_events(
    client, items: list[BulkEventIn], tasks: dict[str, Task], fields: Fields
) -> list[TaskEvent]:
    keys = {(tasks[item.external_id].pk, item.event_id) for item in items}
    known = _known(keys)
    new: dict[tuple, TaskEvent] = {}
    for i, item in enumerate(items):
        task = tasks[item.external_id]
        event = TaskEvent(
            task=task,
            event_id=item.event_id,
            kind=item.kind,
            occurred_at=aware(item.occurred_at),
            actor_code=item.actor_code or "",
            new_due=item.new_due,
            completed_date=item.completed_date,
            note=item.note,
            client=client,
        )
        key = (task.pk, item.event_id)
        before = known.get(key) or (_content(new[key]) if key in new else None)
        if before is None:
            new[key] = event
        elif before != _content(event):
            raise fields.error(
                i,
                "event_id",
                _("Event code %(code)s is already used by another event of this task.")
                % {"code": item.event_id},
                409,
                "event_conflict",
            )
    return list(new.values())


def _known(keys: set[tuple]) -> dict[tuple, tuple]:
    by_task = defaultdict(set)
    for task_id, event_id in keys:
        by_task[task_id].add(event_id)
    rows = TaskEvent.objects.filter(task_id__in=by_task, event_id__in={e for _, e in keys})
    return {(e.task_id, e.event_id): _content(e) for e in rows if e.event_id in by_task[e.task_id]}


def _content(event: TaskEvent) -> tuple:
    return tuple(getattr(event, name) for name in COMPARED)


def _record_of(task: Task) -> TaskRecord:
    """The task's base; a task not created through the API gets one from its first state."""
    record = getattr(task, "source_record", None)
    if record is not None:
        return record
    record = TaskRecord.objects.create(
        task=task,
        digest="",
        due_date=_first_due(task),
        status=task.status,
        completed_date=task.completed_date,
        received_at=timezone.now(),
    )
    task.source_record = record
    return record


def _first_due(task: Task):
    first = task.delay_records.filter(kind="extension").order_by("at", "id").first()
    return first.due_before if first else task.due_date
