"""Import edXML packets: a document is stored, its status packets become or update a task.

One file (one packet) is one transaction. A packet that cannot be applied is rolled back and
reported; its body is kept as a RejectedPayload (pending) so it can be retried. A status packet
that arrives before its document is kept that way too, and is applied automatically when the
document arrives (see `_apply_pending`). Unreadable or hostile XML is kept only when it came
through the API, where no person sees the error at once.
"""

from typing import BinaryIO

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.integration.edxml.documents import attachment_note, receiving_orgs, store_document
from canbo.integration.edxml.packet import EdxmlError, Packet, parse
from canbo.integration.edxml.payloads import keep, pending_statuses, resolve, still_waiting
from canbo.integration.edxml.report import PacketReport
from canbo.integration.imports.edxml_status import Rejection, apply_status
from canbo.integration.imports.models import IncomingDocument, PayloadStatus, RejectedPayload
from canbo.integration.imports.scope import Actor
from canbo.work.errors import WorkError

API_ENDPOINT = "POST /api/v1/edxml"
MAX_KEPT = 5 * 1024 * 1024


def import_edxml(actor: Actor, source: bytes | BinaryIO, name: str, endpoint: str) -> PacketReport:
    """Import one packet (bytes, or a seekable binary file read in chunks); keep the body of
    a rejected one (see the module docstring)."""
    report = process(actor, source, name)
    from_api = endpoint == API_ENDPOINT
    if not report.ok and (from_api or report.outcome != "invalid"):
        report.kept_id = keep(actor, _body(source), name, endpoint, report).pk
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
        store_document(actor, packet, org) for org in receiving_orgs(actor, packet.to_organ_ids)
    ]
    outcomes = {outcome for outcome, _message, _doc in results}
    outcome = outcomes.pop() if len(outcomes) == 1 else "document_updated"
    if "document_created" in outcomes:
        outcome = "document_created"
    message = " ".join([m for _outcome, m, _doc in results] + attachment_note(packet))
    report = PacketReport(name, outcome, message, reference=packet.reference)
    for _outcome, _message, doc in results:
        report.problems += _apply_pending(actor, doc)
    return report


def _apply_pending(actor: Actor, doc: IncomingDocument) -> list[str]:
    """Apply the status packets that were waiting for this document, oldest status first."""
    notes = []
    for payload in pending_statuses(actor, {doc.reference, doc.document_id} - {""}):
        report = process(actor, bytes(payload.body), payload.name)
        if report.ok:
            reason = _("applied automatically when the document arrived")
            resolve(actor.user, payload, PayloadStatus.RETRIED, reason)
            notes.append(
                _("Applied the waiting status packet '%(name)s': %(message)s")
                % {"name": payload.name, "message": report.message}
            )
        else:
            still_waiting(payload, report)
    return notes


def retry_payload(user, payload: RejectedPayload) -> PacketReport:
    """Run the import again on the kept body; on success the payload is marked retried."""
    actor = Actor(payload.client) if payload.client_id else Actor(user)
    report = process(actor, bytes(payload.body), payload.name or "payload")
    if report.ok:
        resolve(user, payload, PayloadStatus.RETRIED, report.message)
    else:
        still_waiting(payload, report)
        audit.record(user, "integration.payload_retry_failed", payload, reason=report.message)
    return report


def discard_payload(user, payload: RejectedPayload, reason: str = "") -> None:
    resolve(user, payload, PayloadStatus.DISCARDED, reason)


__all__ = [
    "API_ENDPOINT",
    "discard_payload",
    "import_edxml",
    "process",
    "retry_payload",
]
