"""Packet bodies kept as RejectedPayload: kept when a packet cannot be applied, found again
when their document arrives, resolved when applied or discarded."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.integration.edxml.packet import EdxmlError, parse
from canbo.integration.edxml.report import PacketReport
from canbo.integration.imports.models import PayloadStatus, RejectedPayload
from canbo.integration.imports.scope import Actor


def pending_statuses(actor: Actor, refs: set[str]) -> list[RejectedPayload]:
    """The kept status packets in the actor's scope waiting for a document known by one of
    `refs`, oldest status first."""
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


def keep(
    actor: Actor, data: bytes | None, name: str, endpoint: str, report: PacketReport
) -> RejectedPayload:
    """Keep a packet that could not be applied (only its reason when `data` is None: too
    large to keep)."""
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


def resolve(user, payload: RejectedPayload, status: str, reason: str) -> None:
    payload.status, payload.resolved_at = status, timezone.now()
    payload.save(update_fields=["status", "resolved_at"])
    audit.record(
        user, f"integration.payload_{status}", payload, after={"status": status}, reason=reason
    )


def still_waiting(payload: RejectedPayload, report: PacketReport) -> None:
    payload.reason, payload.handler = report.message, report.handler
    payload.save(update_fields=["reason", "handler"])
