"""Status packets (QCVN 102 StatusCode) applied to the task of an incoming document.

04/05 (handling assigned / officer handling) create the task, or move it to a new handler;
06 (all work completed) completes it on the status date; 02/16 (rejected) cancel it. Other
codes are recorded on the document only. The task is idempotent: source "edxml" and
external_id = the document's reference, so the same packet sent twice changes nothing.
"""

from datetime import date
from decimal import Decimal
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from canbo.core import audit
from canbo.integration.edxml import Packet
from canbo.integration.imports.models import IncomingDocument
from canbo.integration.imports.scope import Actor
from canbo.people.models import Person
from canbo.work.choices import TaskStatus
from canbo.work.locks import refuse_move
from canbo.work.models import Task
from canbo.work.recompute import refresh_person_period
from canbo.work.task_services import assign_task, cancel_task, complete_task, extend_deadline

SOURCE = "edxml"
# edXML carries no catalogue item: a document task counts as one standard product (K = 1.0,
# DOMAIN.md §2.4) until a reviewer links it to the catalogue.
DEFAULT_COEFFICIENT = Decimal("1")
ASSIGN, COMPLETE, REJECT = {"04", "05"}, {"06"}, {"02", "16"}


class Rejection(Exception):
    """The packet cannot be applied now; `pending` when it waits for its document."""

    def __init__(self, message: str, pending: bool = False) -> None:
        super().__init__(message)
        self.message, self.pending = message, pending


def apply_status(actor: Actor, packet: Packet) -> tuple[str, str, int | None]:
    """Apply one status packet; return (outcome, Vietnamese message, task id)."""
    code = packet.status_code
    if not code.strip("0"):
        raise Rejection("Gói tin trạng thái thiếu StatusCode.")
    doc = find_document(actor, packet)
    if doc is None:
        raise Rejection(f"Chưa nhận văn bản {packet.code or packet.document_id} mà gói tin "
                        f"trạng thái {code} nói tới: gói tin được giữ lại và sẽ tự áp dụng "
                        "khi văn bản đến.", pending=True)
    _record_status(doc, packet)
    if code in ASSIGN:
        return _assign(actor, doc, packet)
    if code in COMPLETE:
        return _complete(actor, doc, packet)
    if code in REJECT:
        return _cancel(actor, doc, packet)
    return "status_recorded", f"Văn bản {doc}: ghi nhận trạng thái {code}.", None


def find_document(actor: Actor, packet: Packet) -> IncomingDocument | None:
    """The document a status packet answers, by identity, else by issuer, code and date."""
    docs = IncomingDocument.objects.filter(_document_scope(actor))
    if packet.document_id:
        found = docs.filter(Q(document_id=packet.document_id) | Q(reference=packet.reference))
        if found.exists():
            return found.order_by("id").first()
    if not packet.code:
        return None
    found = docs.filter(organ_id=packet.organ_id, code=packet.code)
    if packet.promulgation_date:
        found = found.filter(promulgation_date=packet.promulgation_date)
    return found.order_by("id").first()


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


def _assign(actor: Actor, doc: IncomingDocument, packet: Packet) -> tuple[str, str, int | None]:
    person = _handler(actor, doc, packet)
    task = _task_of(actor, doc)
    if task is None:
        task = _create_task(actor, doc, packet, person)
        return "task_created", f"Nhiệm vụ “{task.name}” giao cho {person} ({person.code}).", \
            task.pk
    if task.assignee_id == person.pk:
        return "unchanged", f"Nhiệm vụ “{task.name}” đã giao cho {person}.", task.pk
    if task.status != TaskStatus.ASSIGNED:
        raise Rejection(f"Nhiệm vụ “{task.name}” đã {task.get_status_display().lower()}: "
                        "không đổi người xử lý.")
    _reassign(actor, task, person, packet)
    return "task_updated", f"Nhiệm vụ “{task.name}” chuyển cho {person} ({person.code}).", \
        task.pk


def _complete(actor: Actor, doc: IncomingDocument, packet: Packet) -> tuple[str, str, int]:
    if packet.status_time is None:
        raise Rejection("Gói tin trạng thái 06 thiếu Timestamp: không biết ngày hoàn thành.")
    done_on = packet.status_time.date()
    task = _task_of(actor, doc)
    if task is None:
        task = _create_task(actor, doc, packet, _handler(actor, doc, packet))
    if task.status == TaskStatus.COMPLETED:
        return "unchanged", f"Nhiệm vụ “{task.name}” đã hoàn thành ngày " \
            f"{task.completed_date:%d/%m/%Y}.", task.pk
    if task.status == TaskStatus.CANCELLED:
        raise Rejection(f"Nhiệm vụ “{task.name}” đã bị hủy: không ghi nhận hoàn thành.")
    complete_task(actor.user, task, done_on, evidence=_evidence_of(packet))
    return "task_completed", f"Nhiệm vụ “{task.name}” hoàn thành ngày {done_on:%d/%m/%Y}.", \
        task.pk


def _cancel(actor: Actor, doc: IncomingDocument, packet: Packet) -> tuple[str, str, int | None]:
    task = _task_of(actor, doc)
    label = f"Văn bản {doc} bị từ chối (trạng thái {packet.status_code})"
    if task is None:
        return "status_recorded", f"{label}; chưa có nhiệm vụ nên không có gì để hủy.", None
    if task.status != TaskStatus.ASSIGNED:
        return "unchanged", f"{label}; nhiệm vụ đã {task.get_status_display().lower()}, " \
            "giữ nguyên.", task.pk
    reason = f"{label}. {packet.description}".strip()
    cancel_task(actor.user, task, reason)
    return "task_cancelled", f"{label}: đã hủy nhiệm vụ “{task.name}”.", task.pk


def follow_due_date(actor: Actor, doc: IncomingDocument) -> str:
    """A later DueDate on a re-sent document extends the open task (one delay, Art. 14)."""
    task = _task_of(actor, doc)
    if task is None or task.status != TaskStatus.ASSIGNED or doc.due_date is None:
        return ""
    if task.due_date and doc.due_date <= task.due_date:
        return (f" Hạn mới {doc.due_date:%d/%m/%Y} không sau hạn của nhiệm vụ "
                f"({task.due_date:%d/%m/%Y}): nhiệm vụ giữ nguyên hạn.")
    extend_deadline(actor.user, task, doc.due_date, "Văn bản edXML gửi lại với hạn xử lý mới.")
    return f" Nhiệm vụ “{task.name}” được gia hạn đến {doc.due_date:%d/%m/%Y}."


def _task_of(actor: Actor, doc: IncomingDocument) -> Task | None:
    task = Task.objects.filter(source=SOURCE, external_id=doc.reference[:100]).first()
    if task is not None and not _tasks(actor).filter(pk=task.pk).exists():
        raise Rejection(f"Văn bản {doc} đã gắn với nhiệm vụ của một đơn vị ngoài phạm vi "
                        "của bạn.")
    return task


def _tasks(actor: Actor):
    tasks = Task.objects.all() if actor.who is None else Task.objects.visible_to(actor.who)
    if actor.org is not None:
        tasks = tasks.filter(organization__path__startswith=actor.org.path)
    return tasks


def _create_task(actor: Actor, doc: IncomingDocument, packet: Packet, person: Person) -> Task:
    if doc.due_date is None:
        raise Rejection(f"Văn bản {doc} không có hạn xử lý (DueDate): không tạo nhiệm vụ.")
    assigned = _assigned_date(doc, packet)
    if assigned > doc.due_date:
        raise Rejection(f"Ngày giao {assigned:%d/%m/%Y} sau hạn xử lý "
                        f"{doc.due_date:%d/%m/%Y} của văn bản {doc}.")
    return assign_task(
        actor.user, name=(doc.subject or f"Xử lý văn bản {doc}")[:300], assignee=person,
        assigned_date=assigned, due_date=doc.due_date, coefficient=DEFAULT_COEFFICIENT,
        source=SOURCE, external_id=doc.reference[:100], evidence=evidence(doc),
    )


def _assigned_date(doc: IncomingDocument, packet: Packet) -> date:
    if packet.status_time is not None:
        return packet.status_time.date()
    return doc.promulgation_date or timezone.localdate()


def evidence(doc: IncomingDocument) -> str:
    """'Văn bản số 1234/UBND-VP, ngày 01/10/2026, của UBND phường Tân Phong'."""
    parts = [f"Văn bản số {doc.code or doc.document_id}"]
    if doc.promulgation_date:
        parts.append(f"ngày {doc.promulgation_date:%d/%m/%Y}")
    if doc.organ_name or doc.organ_id:
        parts.append(f"của {doc.organ_name or doc.organ_id}")
    return ", ".join(parts)


def _evidence_of(packet: Packet) -> str:
    return f"Trạng thái 06 (edXML): {packet.description}" if packet.description else ""


def _handler(actor: Actor, doc: IncomingDocument, packet: Packet) -> Person:
    """StaffCode = Person.code in scope, else an exact full name inside the receiving unit."""
    people = actor.people().filter(organization__isnull=False)
    if packet.handler_code:
        person = people.filter(code=packet.handler_code).first()
        if person is not None:
            return person
        if Person.objects.filter(code=packet.handler_code).exists():
            raise Rejection(f"Người xử lý mã {packet.handler_code} nằm ngoài phạm vi được "
                            "phép giao việc.")
    if not packet.handler_name:
        raise Rejection("Gói tin không có người xử lý (Handler/StaffCode hoặc Fullname) "
                        "khớp với công chức nào.")
    if doc.organization is not None:
        people = people.filter(organization__path__startswith=doc.organization.path)
    matches = list(people.filter(full_name=packet.handler_name)[:2])
    if len(matches) == 1:
        return matches[0]
    where = doc.organization.name if doc.organization else "phạm vi được phép"
    if matches:
        raise Rejection(f"Có nhiều công chức tên “{packet.handler_name}” trong {where}: cần "
                        "StaffCode.")
    raise Rejection(f"Không tìm thấy công chức mã “{packet.handler_code}” hoặc tên "
                    f"“{packet.handler_name}” trong {where}.")


def _reassign(actor: Actor, task: Task, person: Person, packet: Packet) -> None:
    """Move an open task to the handler named by a later 04/05 packet (audited)."""
    task = Task.objects.select_for_update().get(pk=task.pk)
    refuse_move((task.assignee_id, task.period), (person.pk, task.period))
    fields = ["assignee", "organization"]
    before, old = audit.snapshot(task, fields), task.assignee_id
    task.assignee, task.organization = person, person.organization
    task.save(update_fields=[*fields, "updated_at"])
    audit.record(actor.user, "integration.edxml_reassign", task, before,
                 audit.snapshot(task, fields), reason=f"edXML trạng thái {packet.status_code}")
    for person_id in {old, person.pk} - {None}:
        transaction.on_commit(partial(refresh_person_period, person_id, task.period))
