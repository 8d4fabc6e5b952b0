"""A personnel officer picks the handler of a waiting status packet, once: the choice is
remembered for the sender (StaffAlias) and every packet waiting for the same name is retried."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core.access import require
from canbo.integration.edxml.importer import retry_payload
from canbo.integration.edxml.packet import EdxmlError, Packet, parse
from canbo.integration.edxml.report import PacketReport
from canbo.integration.imports.edxml_handler import candidates, remember_handler, sending_org
from canbo.integration.imports.edxml_status import find_document
from canbo.integration.imports.models import PayloadStatus, RejectedPayload
from canbo.integration.imports.scope import Actor
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.errors import WorkError

CAPABILITY = "integration.import_people"


def actor_of(user, payload: RejectedPayload) -> Actor:
    return Actor(payload.client) if payload.client_id else Actor(user)


def waiting_packet(user, payload: RejectedPayload) -> tuple[Packet, Organization | None]:
    """The packet and the organisation whose people may be picked (the sender's subtree)."""
    require(user, CAPABILITY)
    if payload.status != PayloadStatus.PENDING or not payload.handler:
        raise WorkError(_("This packet is not waiting for a handler to be picked."))
    try:
        packet = parse(bytes(payload.body))
    except EdxmlError as exc:
        raise WorkError(str(exc)) from None
    return packet, _org(user, payload, packet)


def _org(user, payload: RejectedPayload, packet: Packet) -> Organization | None:
    """The organisation searched when the packet was applied (see resolve_handler)."""
    actor = actor_of(user, payload)
    doc = find_document(actor, packet)
    if doc is not None:
        return sending_org(actor, packet, doc)
    sender = actor.orgs().filter(code=packet.sender_id).first() if packet.sender_id else None
    return sender or payload.organization


def choices(user, org: Organization | None):
    """People the user may pick: visible to the user, inside the sender's subtree."""
    return candidates(Actor(user), org).select_related("organization").order_by("full_name", "code")


def pick_handler(user, payload: RejectedPayload, person: Person) -> list[PacketReport]:
    """Remember the person for the sender's staff name and retry the packets waiting for it."""
    packet, org = waiting_packet(user, payload)
    if not choices(user, org).filter(pk=person.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        remember_handler(user, org, packet, person)
    same = RejectedPayload.objects.filter(
        status=PayloadStatus.PENDING,
        handler=payload.handler,
        organization=payload.organization,
        client=payload.client,
    ).order_by("at", "id")
    return [retry_payload(user, other) for other in same]
