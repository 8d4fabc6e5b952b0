"""Import edXML packets: a document is stored, its status packets become or update a task.

One file (one packet) is one transaction. A packet that cannot be applied is rolled back and
reported; its body is kept as a RejectedPayload (pending) so it can be retried. A status packet
that arrives before its document is kept that way too, and is applied automatically when the
document arrives (see `_apply_pending`). Unreadable or hostile XML is kept only when it came
through the API, where no person sees the error at once.
"""

from dataclasses import dataclass, field
from typing import BinaryIO

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core import audit
from canbo.integration.edxml.packet import EdxmlError, Packet, parse
from canbo.integration.imports.edxml_status import (
    Rejection,
    apply_status,
    find_document,
    follow_due_date,
)
from canbo.integration.imports.models import IncomingDocument, PayloadStatus, RejectedPayload
from canbo.integration.imports.scope import Actor
from canbo.org.models import Organization
from canbo.work.errors import WorkError

API_ENDPOINT = "POST /api/v1/edxml"
MAX_KEPT = 5 * 1024 * 1024
DOCUMENT_FIELDS = [
    "document_id",
    "organ_id",
    "organ_name",
    "code",
    "promulgation_date",
    "document_type",
    "subject",
    "due_date",
    "steering_type",
    "task_codes",
    "attachments",
    "problems",
]
OUTCOMES = {
    "document_created": gettext_lazy("Incoming document stored"),
    "document_updated": gettext_lazy("Incoming document updated"),
    "unchanged": gettext_lazy("No change"),
    "task_created": gettext_lazy("Task created"),
    "task_updated": gettext_lazy("Task updated"),
    "task_completed": gettext_lazy("Task completed"),
    "task_cancelled": gettext_lazy("Task cancelled"),
    "status_recorded": gettext_lazy("Status recorded"),
    "pending": gettext_lazy("Waiting for the document"),
    "needs_person": gettext_lazy("Waiting for a handler to be chosen"),
    "rejected": gettext_lazy("Packet rejected"),
    "invalid": gettext_lazy("Invalid file"),
}


@dataclass
class PacketReport:
    name: str
    outcome: str
    message: str
    problems: list[str] = field(default_factory=list)
    reference: str = ""
    task_id: int | None = None
    kept_id: int | None = None  # the RejectedPayload holding the body
    handler: str = ""  # the handler as sent, when a personnel officer must pick the person

    @property
    def ok(self) -> bool:
        return self.outcome not in ("pending", "needs_person", "rejected", "invalid")

    @property
    def label(self) -> str:
        return str(OUTCOMES.get(self.outcome, self.outcome))

    def lines(self) -> list[str]:
        return [f"{self.name}: {self.label}. {self.message}".strip()] + [
            f"  - {problem}" for problem in self.problems
        ]


def import_edxml(actor: Actor, source: bytes | BinaryIO, name: str, endpoint: str) -> PacketReport:
    """Import one packet (bytes, or a seekable binary file read in chunks); keep the body of
    a rejected one (see the module docstring)."""
    report = process(actor, source, name)
    from_api = endpoint == API_ENDPOINT
    if not report.ok and (from_api or report.outcome != "invalid"):
        report.kept_id = _keep(actor, _body(source), name, endpoint, report).pk
    return report


def _body(source: bytes | BinaryIO) -> bytes | None:
    """The packet's bytes to keep, or None when it is larger than MAX_KEPT."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source) if len(source) <= MAX_KEPT else None
    source.seek(0)
    data = source.read(MAX_KEPT + 1)
    return data if len(data) <= MAX_KEPT else None


def process(actor: Actor, source: bytes | BinaryIO, name: str) -> PacketReport:
    """Parse and apply one packet in its own transaction (a savepoint when nested)."""
    try:
        packet = parse(source)
    except EdxmlError as exc:
        return PacketReport(name, "invalid", str(exc))
    try:
        with transaction.atomic():
            report = _apply(actor, packet, name)
    except Rejection as exc:
        outcome = "pending" if exc.pending else "rejected"
        if exc.needs_person:
            return PacketReport(
                name,
                "needs_person",
                exc.message,
                packet.problems,
                packet.reference,
                handler=_handler_label(packet),
            )
        return PacketReport(name, outcome, exc.message, packet.problems, packet.reference)
    except WorkError as exc:
        return PacketReport(name, "rejected", exc.message, packet.problems, packet.reference)
    except IntegrityError:  # a concurrent import of the same packet won the race
        return PacketReport(
            name,
            "rejected",
            _("Conflict with a concurrent import: please send the packet again."),
            packet.problems,
            packet.reference,
        )
    report.problems = packet.problems + report.problems
    return report


def _handler_label(packet: Packet) -> str:
    return (packet.handler_name or packet.handler_email or packet.handler_mobile)[:255]


def _apply(actor: Actor, packet: Packet, name: str) -> PacketReport:
    if packet.kind == "document":
        return _apply_document(actor, packet, name)
    outcome, message, task_id = apply_status(actor, packet)
    return PacketReport(name, outcome, message, reference=packet.reference, task_id=task_id)


def _apply_document(actor: Actor, packet: Packet, name: str) -> PacketReport:
    if not (packet.document_id or packet.code):
        raise Rejection(
            _("The document packet has neither DocumentId nor Code: the document is unknown.")
        )
    results = [
        _store_document(actor, packet, org) for org in receiving_orgs(actor, packet.to_organ_ids)
    ]
    outcomes = {outcome for outcome, _message, _doc in results}
    outcome = outcomes.pop() if len(outcomes) == 1 else "document_updated"
    if "document_created" in outcomes:
        outcome = "document_created"
    message = " ".join([m for _outcome, m, _doc in results] + _attachment_note(packet))
    report = PacketReport(name, outcome, message, reference=packet.reference)
    for _outcome, _message, doc in results:
        report.problems += _apply_pending(actor, doc)
    return report


def _store_document(actor: Actor, packet: Packet, org) -> tuple[str, str, IncomingDocument]:
    values = _document_values(packet)
    doc = IncomingDocument.objects.filter(organization=org, reference=packet.reference).first()
    if doc is None:
        doc = IncomingDocument.objects.create(
            organization=org, reference=packet.reference, client=actor.client, **values
        )
        audit.record(
            actor.user,
            "integration.receive_document",
            doc,
            after=audit.snapshot(doc, DOCUMENT_FIELDS),
        )
        message = _("Document %(doc)s (%(org)s).") % {"doc": doc, "org": _org_label(org)}
        return "document_created", message, doc
    return (*_update_document(actor, doc, values), doc)


def _attachment_note(packet: Packet) -> list[str]:
    if not packet.attachments:
        return []
    files = ", ".join(
        f"“{a.name or a.content_id}” ({a.size / 1024:.0f} KB)" for a in packet.attachments[:20]
    )
    more = len(packet.attachments) - 20
    if more > 0:
        note = _(
            "Attachments %(files)s and %(count)s other files: only names and sizes are recorded."
        )
    else:
        note = _("Attachments %(files)s: only names and sizes are recorded.")
    return [note % {"files": files, "count": more}]


def _document_values(packet: Packet) -> dict:
    return {
        "document_id": packet.document_id[:255],
        "organ_id": packet.organ_id[:64],
        "organ_name": packet.organ_name[:255],
        "code": packet.code[:120],
        "promulgation_date": packet.promulgation_date,
        "subject": packet.subject,
        "document_type": packet.document_type[:120],
        "due_date": packet.due_date,
        "steering_type": packet.steering_type[:32],
        "task_codes": packet.task_codes,
        "attachments": [
            {"name": a.name, "content_type": a.content_type, "size": a.size}
            for a in packet.attachments
        ],
        "problems": packet.problems,
    }


def _update_document(actor: Actor, doc: IncomingDocument, values: dict) -> tuple[str, str]:
    if values["due_date"] is None:
        values["due_date"] = doc.due_date  # a re-sent copy without DueDate keeps the known one
    changed = [name for name, value in values.items() if getattr(doc, name) != value]
    if not changed:
        return "unchanged", _("Document %(doc)s is already stored, unchanged.") % {"doc": doc}
    before = audit.snapshot(doc, changed)
    for name in changed:
        setattr(doc, name, values[name])
    doc.save(update_fields=[*changed, "updated_at"])
    audit.record(
        actor.user, "integration.update_document", doc, before, audit.snapshot(doc, changed)
    )
    message = _("Document %(doc)s: updated %(fields)s.") % {
        "doc": doc,
        "fields": ", ".join(changed),
    }
    if "due_date" in changed:
        message += follow_due_date(actor, doc)
    return "document_updated", message


def receiving_orgs(actor: Actor, to_ids: list[str]) -> list[Organization | None]:
    """The addressees in the actor's scope (each keeps its own copy and task), else the
    actor's own organisation (None: the whole province, for province-wide users and the
    command line)."""
    codes = [code for code in to_ids if code]
    found = list(actor.orgs().filter(code__in=codes).order_by("path")) if codes else []
    if found:
        return found
    if actor.org is not None or actor.client is not None:
        return [actor.home_org]
    return [None if actor.covers(None) else actor.home_org]


def _org_label(org: Organization | None) -> str:
    return org.name if org else _("the whole province")


def _apply_pending(actor: Actor, doc: IncomingDocument) -> list[str]:
    """Apply the status packets that were waiting for this document, oldest status first."""
    notes = []
    for payload in _pending_statuses(actor, {doc.reference, doc.document_id} - {""}):
        report = process(actor, bytes(payload.body), payload.name)
        if report.ok:
            reason = _("applied automatically when the document arrived")
            _resolve(actor.user, payload, PayloadStatus.RETRIED, reason)
            notes.append(
                _("Applied the waiting status packet '%(name)s': %(message)s")
                % {"name": payload.name, "message": report.message}
            )
        else:
            _still_waiting(payload, report)
    return notes


def _pending_statuses(actor: Actor, refs: set[str]) -> list[RejectedPayload]:
    scope = Q(organization__in=actor.orgs())
    if actor.covers(None):
        scope |= Q(organization__isnull=True)
    payloads = RejectedPayload.objects.filter(
        scope, status=PayloadStatus.PENDING, reference__in=refs
    )
    keyed = []
    for payload in payloads:
        try:
            packet = parse(bytes(payload.body))
        except EdxmlError:
            continue
        if packet.kind == "status":
            stamp = packet.status_time.isoformat() if packet.status_time else "~"
            keyed.append(((stamp, payload.at, payload.pk), payload))
    return [payload for _, payload in sorted(keyed, key=lambda pair: pair[0])]


def _keep(
    actor: Actor, data: bytes | None, name: str, endpoint: str, report: PacketReport
) -> RejectedPayload:
    fits = data is not None
    reason = (
        report.message
        if fits
        else _("%(reason)s (body too large, not kept)") % {"reason": report.message}
    )
    return RejectedPayload.objects.create(
        client=actor.client,
        organization=actor.home_org if actor.who or actor.org else None,
        uploaded_by=actor.user,
        endpoint=endpoint[:120],
        name=name[:255],
        body=data if fits else b"",
        reference=report.reference[:255],
        reason=reason,
        handler=report.handler,
    )


def _resolve(user, payload: RejectedPayload, status: str, reason: str) -> None:
    payload.status, payload.resolved_at = status, timezone.now()
    payload.save(update_fields=["status", "resolved_at"])
    audit.record(
        user, f"integration.payload_{status}", payload, after={"status": status}, reason=reason
    )


def retry_payload(user, payload: RejectedPayload) -> PacketReport:
    """Run the import again on the kept body; on success the payload is marked retried."""
    actor = Actor(payload.client) if payload.client_id else Actor(user)
    report = process(actor, bytes(payload.body), payload.name or "payload")
    if report.ok:
        _resolve(user, payload, PayloadStatus.RETRIED, report.message)
    else:
        _still_waiting(payload, report)
        audit.record(user, "integration.payload_retry_failed", payload, reason=report.message)
    return report


def _still_waiting(payload: RejectedPayload, report: PacketReport) -> None:
    payload.reason, payload.handler = report.message, report.handler
    payload.save(update_fields=["reason", "handler"])


def discard_payload(user, payload: RejectedPayload, reason: str = "") -> None:
    _resolve(user, payload, PayloadStatus.DISCARDED, reason)


__all__ = [
    "API_ENDPOINT",
    "PacketReport",
    "discard_payload",
    "find_document",
    "import_edxml",
    "process",
    "retry_payload",
]
