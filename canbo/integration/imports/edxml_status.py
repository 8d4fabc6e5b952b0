"""Status packets (QCVN 102 StatusCode) applied to the task of an incoming document.

04/05 (handling assigned / officer handling) create the task and name its handler, 06 (all
work completed) completes it on the status date, 02 (refused) and 15 (recall accepted) cancel
it (a task is created cancelled if none exists yet, so that a cancellation arriving before the
handling packets is not lost); 01, 03, 13 and 16 are recorded on the document only. Each packet
is kept as an event of the task and the task is derived from all of them in order of
occurrence (edxml_fold), so arrival order does not matter. A document received by several
organisations (a provincial document sent to many communes) is one task per receiving
organisation: source "edxml", external_id = the document's reference and the receiving
organisation's code.
"""

from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.access import narrowed_to
from canbo.integration.edxml.packet import Packet
from canbo.integration.imports.edxml_fold import (
    KINDS,
    base_of,
    fold_task,
    moment_of,
    record_event,
    start_record,
)
from canbo.integration.imports.edxml_handler import Rejection, resolve_handler, sending_org
from canbo.integration.imports.models import IncomingDocument
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks.models import TaskEvent
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.choices import TaskStatus
from canbo.work.models import Task
from canbo.work.task_services import assign_task

SOURCE = "edxml"
# edXML carries no catalogue item: a document task counts as one standard product (K = 1.0,
# DOMAIN.md §2.4) until a reviewer links it to the catalogue.
DEFAULT_COEFFICIENT = Decimal("1")
OUTCOME = {TaskStatus.COMPLETED: "task_completed", TaskStatus.CANCELLED: "task_cancelled"}

__all__ = ["Rejection", "apply_status", "evidence", "find_document", "follow_due_date"]


def apply_status(actor: Actor, packet: Packet) -> tuple[str, str, int | None]:
    """Apply one status packet; return (outcome, translated message, task id)."""
    code = packet.status_code
    if not code.strip("0"):
        raise Rejection(_("The status packet has no StatusCode."))
    doc = find_document(actor, packet)
    if doc is None:
        raise Rejection(
            _(
                "Document %(document)s that status packet %(status)s refers to has not been "
                "received: the packet is kept and will apply by itself when the document "
                "arrives."
            )
            % {"document": packet.code or packet.document_id, "status": code},
            pending=True,
        )
    _record_status(doc, packet)
    if code not in KINDS:
        message = _("Document %(document)s: status %(status)s recorded.")
        return "status_recorded", message % {"document": doc, "status": code}, None
    _check_time(packet)
    person = resolve_handler(actor, packet, doc)
    task = task_of(actor, doc)
    created = task is None
    if created:
        task = _create_task(actor, doc, packet, person)
        start_record(task, doc)
    before = task.status
    record_event(task, packet, person, actor)
    changed = fold_task(actor, task, doc)
    task.refresh_from_db()
    return _outcome(task, created, before, changed, code)


def _check_time(packet: Packet) -> None:
    if packet.status_code == "06" and packet.status_time is None:
        raise Rejection(_("Status packet 06 has no Timestamp: the completion date is unknown."))
    moment = timezone.localtime(moment_of(packet))
    if packet.status_time and moment.date() > timezone.localdate():
        raise Rejection(
            _("The moment %(moment)s is in the future.") % {"moment": f"{moment:%d/%m/%Y %H:%M}"}
        )


def _outcome(task: Task, created: bool, before: str, changed: bool, code: str):
    who = f"{task.assignee} ({task.assignee.code})" if task.assignee else task.organization
    names = {"name": task.name, "who": who, "status": code}
    if created and task.status == TaskStatus.ASSIGNED:
        return "task_created", _("Task “%(name)s” assigned to %(who)s.") % names, task.pk
    if task.status != before or (created and task.status in OUTCOME):
        return OUTCOME.get(task.status, "task_updated"), _change(task, who), task.pk
    if changed:
        message = _("Task “%(name)s”: status %(status)s recorded, handler %(who)s.")
        return "task_updated", message % names, task.pk
    return (
        "unchanged",
        _("Task “%(name)s” has already recorded status %(status)s.") % names,
        task.pk,
    )


def _change(task: Task, who) -> str:
    message = _("Task “%(name)s” (%(who)s): %(status)s") % {
        "name": task.name,
        "who": who,
        "status": task.get_status_display().lower(),
    }
    if task.completed_date:
        message = _("%(message)s on %(date)s") % {
            "message": message,
            "date": f"{task.completed_date:%d/%m/%Y}",
        }
    if task.delays:
        message = _("%(message)s, %(count)s delays") % {"message": message, "count": task.delays}
    return message + "."


def find_document(actor: Actor, packet: Packet) -> IncomingDocument | None:
    """The document a status packet answers, by identity, else by issuer, code and date; of
    the copies received by several organisations, the one received by the sender (or the
    closest organisation above it)."""
    docs = IncomingDocument.objects.filter(_document_scope(actor)).select_related("organization")
    found = docs.none()
    if packet.document_id:
        found = docs.filter(Q(document_id=packet.document_id) | Q(reference=packet.reference))
    if not found.exists() and packet.code:
        found = docs.filter(organ_id=packet.organ_id, code=packet.code)
        if packet.promulgation_date:
            found = found.filter(promulgation_date=packet.promulgation_date)
    return _copy_for_sender(list(found.order_by("id")[:100]), packet.sender_id)


def _copy_for_sender(copies: list[IncomingDocument], sender_id: str):
    if len(copies) <= 1 or not sender_id:
        return copies[0] if copies else None
    sender = Organization.objects.filter(code=sender_id).first()
    if sender is None:
        return copies[0]
    covering = [
        d for d in copies if d.organization is None or sender.path.startswith(d.organization.path)
    ]
    if not covering:
        return copies[0]
    return max(covering, key=lambda d: d.organization.depth if d.organization else -1)


def _document_scope(actor: Actor) -> Q:
    scope = Q(organization__in=actor.orgs())
    return scope | Q(organization__isnull=True) if actor.covers(None) else scope


def _record_status(doc: IncomingDocument, packet: Packet) -> None:
    stamp = _aware(packet.status_time) if packet.status_time else None
    if doc.last_status_at and (stamp is None or stamp < doc.last_status_at):
        return  # an older status arriving late does not hide the newer one
    if (doc.last_status, doc.last_status_at) == (packet.status_code, stamp):
        return
    doc.last_status, doc.last_status_at = packet.status_code, stamp
    doc.save(update_fields=["last_status", "last_status_at", "updated_at"])


def _aware(moment):
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def external_id(doc: IncomingDocument) -> str:
    """The document's reference and its receiving organisation: one task per recipient."""
    org = doc.organization
    suffix = f"@{org.code or f'org{org.pk}'}" if org is not None else ""
    return f"{doc.reference[: 100 - len(suffix)]}{suffix}"


def task_of(actor: Actor, doc: IncomingDocument) -> Task | None:
    task = Task.objects.filter(source=SOURCE, external_id=external_id(doc)).first()
    task = task or _legacy_task(doc)
    if task is not None and not _tasks(actor).filter(pk=task.pk).exists():
        raise Rejection(
            _(
                "Document %(document)s is already linked to a task of an organisation outside "
                "your scope."
            )
            % {"document": doc}
        )
    return task


def _legacy_task(doc: IncomingDocument) -> Task | None:
    """A task made before one task per recipient (external_id = the reference alone)."""
    legacy = Task.objects.filter(source=SOURCE, external_id=doc.reference[:100])
    return narrowed_to(legacy, doc.organization).order_by("id").first()


def _tasks(actor: Actor):
    tasks = Task.objects.all() if actor.who is None else Task.objects.visible_to(actor.who)
    return narrowed_to(tasks, actor.org)


def _create_task(
    actor: Actor, doc: IncomingDocument, packet: Packet, person: Person | None
) -> Task:
    if doc.due_date is None:
        raise Rejection(
            _("Document %(document)s has no handling deadline (DueDate): no task is created.")
            % {"document": doc}
        )
    org = sending_org(actor, packet, doc)
    if person is None and org is None:
        raise Rejection(
            _(
                "The status packet names no handler (StaffInfo) and the organisation handling "
                "document %(document)s cannot be determined."
            )
            % {"document": doc}
        )
    moment = packet.status_time.date() if packet.status_time else timezone.localdate()
    assigned = min(moment, doc.due_date)
    return assign_task(
        actor.user,
        name=(doc.subject or _("Handle document %(document)s") % {"document": doc})[:300],
        assignee=person,
        organization=person.organization if person else org,
        assigned_date=assigned,
        due_date=doc.due_date,
        coefficient=DEFAULT_COEFFICIENT,
        source=SOURCE,
        external_id=external_id(doc),
        evidence=evidence(doc),
    )


def follow_due_date(actor: Actor, doc: IncomingDocument) -> str:
    """A later DueDate on a re-sent document extends the open task (one delay, Art. 14)."""
    task = task_of(actor, doc)
    if task is None or task.status != TaskStatus.ASSIGNED or doc.due_date is None:
        return ""
    if task.due_date and doc.due_date <= task.due_date:
        return " " + _(
            "The new deadline %(new)s is not after the task's deadline (%(old)s): the task "
            "keeps its deadline."
        ) % {"new": f"{doc.due_date:%d/%m/%Y}", "old": f"{task.due_date:%d/%m/%Y}"}
    base_of(task, doc)
    TaskEvent.objects.get_or_create(
        task=task,
        event_id=f"edxml:due:{doc.due_date:%Y%m%d}",
        defaults={
            "kind": "deadline_extended",
            "occurred_at": timezone.now(),
            "new_due": doc.due_date,
            "client": actor.client,
            "note": _("edXML document sent again with a new handling deadline."),
        },
    )
    fold_task(actor, task, doc)
    return " " + _("Task “%(name)s” is extended to %(date)s.") % {
        "name": task.name,
        "date": f"{doc.due_date:%d/%m/%Y}",
    }


def evidence(doc: IncomingDocument) -> str:
    """'Văn bản số 1234/UBND-VP, ngày 01/10/2026, của UBND phường Tân Phong'."""
    parts = [_("Document No. %(code)s") % {"code": doc.code or doc.document_id}]
    if doc.promulgation_date:
        parts.append(_("dated %(date)s") % {"date": f"{doc.promulgation_date:%d/%m/%Y}"})
    if doc.organ_name or doc.organ_id:
        parts.append(_("from %(organ)s") % {"organ": doc.organ_name or doc.organ_id})
    return ", ".join(parts)
