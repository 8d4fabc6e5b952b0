"""A document's status packets, kept as task events and folded into its task.

Every status packet that bears on the task (04/05 handling, 06 completed, 02 refused, 15
recall accepted) is kept as a TaskEvent of the task, identified by its code and timestamp. The
task's state is then derived again from all of them in order of occurrence
(canbo.work.task_state), so the packets may arrive in any order and a repeated packet
changes nothing. Derived, written once here:
- the assignee: the person named by the latest 05, else the latest 04, else the 06;
- the assigned date: the first 04/05 (else the first event), never after the due date, so a
  06 that arrives first and late is kept, not refused;
- the state and delays (a completion after the due date is one delay).
A locked evaluation month is never changed (the same check as the task services).
"""

from datetime import datetime, time
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.integration.edxml.packet import Packet
from canbo.integration.imports.edxml_handler import Rejection
from canbo.integration.imports.models import IncomingDocument
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks.apply import rebuild
from canbo.integration.tasks.models import TaskEvent, TaskRecord
from canbo.people.models import Person
from canbo.work.models import Task
from canbo.work.periods import period_of
from canbo.work.recompute import locked_months, refresh_person_period

PREFIX = "edxml:"
KINDS = {
    "04": "assigned",
    "05": "assigned",
    "06": "completed",
    "02": "cancelled",
    "15": "cancelled",
}
HANDLER_RANK = {"05": 3, "04": 2, "06": 1}
ASSIGN_FIELDS = ["assignee", "organization", "assigned_date", "period"]


def moment_of(packet: Packet) -> datetime:
    """The status time, Vietnam time when the packet gives no zone."""
    moment = packet.status_time or timezone.now()
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def record_event(task: Task, packet: Packet, person: Person | None, actor: Actor) -> bool:
    """Keep the packet as an event of the task; return whether it is new or changed."""
    moment = moment_of(packet)
    event_id = f"{PREFIX}{packet.status_code}:{moment:%Y%m%dT%H%M%S}"
    values = {
        "kind": KINDS[packet.status_code],
        "occurred_at": moment,
        "actor_code": person.code if person else "",
        "note": packet.description[:2000],
        "completed_date": timezone.localtime(moment).date() if packet.status_code == "06" else None,
    }
    event = TaskEvent.objects.filter(task=task, event_id=event_id).first()
    if event is None:
        TaskEvent.objects.create(task=task, event_id=event_id, client=actor.client, **values)
        return True
    if event.actor_code or not person:
        return False  # the same packet again (a handler picked earlier is kept)
    event.actor_code = person.code
    event.save(update_fields=["actor_code"])
    return True


def start_record(task: Task, doc: IncomingDocument) -> TaskRecord:
    """The base of a task just created: assigned, due on the document's date."""
    return TaskRecord.objects.create(
        task=task,
        due_date=task.due_date,
        status="assigned",
        received_at=timezone.now(),
        document={"reference": doc.reference},
    )


def base_of(task: Task, doc: IncomingDocument) -> TaskRecord:
    """The task's base state, made once: assigned, due on the date the task was given. A
    task made before events were kept (imported earlier) has its deadline extensions and its
    completion or cancellation turned into events, so that the fold gives them back."""
    record = TaskRecord.objects.filter(task=task).first()
    if record is not None:
        return record
    extensions = list(
        task.delay_records.filter(kind="extension", recorded_by__isnull=True).order_by("at", "id")
    )
    record = TaskRecord.objects.create(
        task=task,
        due_date=extensions[0].due_before if extensions else task.due_date,
        status="assigned",
        received_at=timezone.now(),
        document={"reference": doc.reference},
    )
    start = timezone.make_aware(datetime.combine(task.assigned_date, time()))
    _legacy_event(
        task, "04:legacy", "assigned", start, actor_code=task.assignee.code if task.assignee else ""
    )
    for delay in extensions:
        _legacy_event(
            task,
            f"due:{delay.due_after:%Y%m%d}",
            "deadline_extended",
            delay.at,
            new_due=delay.due_after,
        )
    if task.status != "assigned":
        _legacy_event(
            task,
            f"legacy:{task.status}",
            KINDS["06"] if task.status == "completed" else "cancelled",
            task.updated_at,
            completed_date=task.completed_date,
        )
    return record


def _legacy_event(task: Task, name: str, kind: str, at, **values) -> None:
    TaskEvent.objects.get_or_create(
        task=task, event_id=f"{PREFIX}{name}", defaults={"kind": kind, "occurred_at": at, **values}
    )


def fold_task(actor: Actor, task: Task, doc: IncomingDocument) -> bool:
    """Derive the task again from its events; return whether anything changed."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = (task.assignee_id, task.period)
    record = base_of(task, doc)
    moved = _follow_handler(actor, task, doc)
    changed = rebuild(task, record, actor.client, "integration.apply_edxml_status")
    if moved or changed:
        _refuse_locked({before, (task.assignee_id, task.period)})
        for person_id, month in {before, (task.assignee_id, task.period)}:
            if person_id:
                transaction.on_commit(partial(refresh_person_period, person_id, month))
    return moved or changed


def _refuse_locked(pairs) -> None:
    locked = locked_months(pairs)
    if locked:
        months = ", ".join(sorted({f"{m:%m/%Y}" for _p, m in locked}))
        raise Rejection(
            _("The evaluation period of %(months)s is locked: the task cannot be changed.")
            % {"months": months}
        )


def _events(task: Task) -> list[TaskEvent]:
    return list(
        TaskEvent.objects.filter(task=task, event_id__startswith=PREFIX).order_by(
            "occurred_at", "event_id"
        )
    )


def _code(event: TaskEvent) -> str:
    return event.event_id[len(PREFIX) :].split(":", 1)[0]


def derived_assignee(events: list[TaskEvent]) -> str:
    named = [e for e in events if e.actor_code and _code(e) in HANDLER_RANK]
    if not named:
        return ""
    best = max(named, key=lambda e: (HANDLER_RANK[_code(e)], e.occurred_at, e.event_id))
    return best.actor_code


def derived_assigned_date(events: list[TaskEvent], doc: IncomingDocument, fallback):
    handling = [e for e in events if _code(e) in ("04", "05")] or [
        e for e in events if _code(e) in KINDS
    ]
    first = min((timezone.localtime(e.occurred_at).date() for e in handling), default=fallback)
    return min(first, doc.due_date) if doc.due_date else first


def _follow_handler(actor: Actor, task: Task, doc: IncomingDocument) -> bool:
    events = _events(task)
    code = derived_assignee(events)
    person = Person.objects.filter(code=code).first() if code else task.assignee
    assigned = derived_assigned_date(events, doc, task.assigned_date)
    if (person and person.pk) == task.assignee_id and assigned == task.assigned_date:
        return False
    before = audit.snapshot(task, ASSIGN_FIELDS)
    if person is not None:
        task.assignee, task.organization = person, person.organization
    task.assigned_date, task.period = assigned, period_of(assigned, task.due_date)
    task.save(update_fields=[*ASSIGN_FIELDS, "updated_at"])
    audit.record(
        actor.user,
        "integration.edxml_reassign",
        task,
        before,
        audit.snapshot(task, ASSIGN_FIELDS),
        reason=_("edXML: document %(document)s") % {"document": doc},
    )
    return True
