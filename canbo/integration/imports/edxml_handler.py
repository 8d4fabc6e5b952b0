"""Who handles a document: the person a status packet names in StaffInfo.

Real packets carry no staff code, only `StaffInfo` (Department, Staff = full name, Email,
Mobile). The person is looked for inside the sending organisation's subtree (the status
packet's From; else the organisation that received the document), within the importer's
scope:
1. a mapping a personnel officer made earlier for this sender (name, then e-mail, mobile);
2. the full name, NFC and accent-insensitive ("NGUYEN VAN AN" finds "Nguyễn Văn An");
   several namesakes are told apart by the e-mail of their user account;
3. the e-mail of a user account.
No match, or several: the packet waits (`needs_person`) until an officer picks the person once
(`remember_handler`); the legacy Handler/StaffCode shape is still honoured first.
"""

import re

from django.db.models import QuerySet
from django.utils.translation import gettext

from canbo.core import audit
from canbo.core.access import narrowed_to
from canbo.core.text import fold
from canbo.integration.edxml.packet import Packet
from canbo.integration.imports.models import AliasKind, IncomingDocument, StaffAlias
from canbo.integration.imports.scope import Actor
from canbo.org.models import Organization
from canbo.people.models import Person


class Rejection(Exception):
    """The packet cannot be applied now; `pending` when it waits for its document,
    `needs_person` when it waits for a personnel officer to pick the handler."""

    def __init__(self, message: str, pending: bool = False, needs_person: bool = False) -> None:
        super().__init__(message)
        self.message, self.pending, self.needs_person = message, pending, needs_person


def sending_org(actor: Actor, packet: Packet, doc: IncomingDocument) -> Organization | None:
    """The status sender (From/OrganId) if it lies in the actor's scope and under the
    document's receiving organisation, else the receiving organisation."""
    if packet.sender_id:
        sender = actor.orgs().filter(code=packet.sender_id).first()
        if sender is not None and (
            doc.organization is None or sender.path.startswith(doc.organization.path)
        ):
            return sender
    return doc.organization


def candidates(actor: Actor, org: Organization | None) -> QuerySet:
    return narrowed_to(actor.people().filter(organization__isnull=False), org)


def keys(packet: Packet) -> list[tuple[str, str, str]]:
    """(kind, key, label) of the ways the packet names its handler, most specific last."""
    found = [
        (AliasKind.NAME, fold(packet.handler_name), packet.handler_name),
        (AliasKind.EMAIL, packet.handler_email.strip().lower(), packet.handler_email),
        (AliasKind.MOBILE, re.sub(r"\D", "", packet.handler_mobile), packet.handler_mobile),
    ]
    return [(kind, key[:255], label[:255]) for kind, key, label in found if key]


def resolve_handler(actor: Actor, packet: Packet, doc: IncomingDocument) -> Person | None:
    """The person the packet names (None when it names nobody); raises Rejection."""
    if not packet.names_handler:
        return None
    org = sending_org(actor, packet, doc)
    people = candidates(actor, org)
    if packet.handler_code:
        person = people.filter(code=packet.handler_code).first()
        if person is not None:
            return person
    person = _remembered(org, packet, people) or _by_name_or_email(packet, people)
    if person is not None:
        return person
    if packet.handler_code and Person.objects.filter(code=packet.handler_code).exists():
        raise Rejection(
            gettext("Handler %(code)s is outside the scope you may assign work to.")
            % {"code": packet.handler_code}
        )
    raise Rejection(_problem(packet, org, people), needs_person=True)


def _remembered(org, packet: Packet, people: QuerySet) -> Person | None:
    for kind, key, _ in keys(packet):
        alias = StaffAlias.objects.filter(organization=org, kind=kind, key=key).first()
        if alias is not None and people.filter(pk=alias.person_id).exists():
            return alias.person
    return None


def _namesakes(packet: Packet, people: QuerySet) -> list[Person]:
    key = fold(packet.handler_name)
    if not key:
        return []
    rows = people.filter(search_key__startswith=f"{key} ")
    return [p for p in rows[:50] if fold(p.full_name) == key]


def _by_email(packet: Packet, people: QuerySet) -> list[Person]:
    email = packet.handler_email.strip()
    if not email:
        return []
    return list(people.filter(profile__user__email__iexact=email)[:2])


def _by_name_or_email(packet: Packet, people: QuerySet) -> Person | None:
    namesakes = _namesakes(packet, people)
    if len(namesakes) == 1:
        return namesakes[0]
    by_email = _by_email(packet, people)
    if namesakes:
        by_email = [p for p in by_email if p in namesakes]
    return by_email[0] if len(by_email) == 1 else None


def _problem(packet: Packet, org, people: QuerySet) -> str:
    where = org.name if org is not None else gettext("the whole province")
    who = packet.handler_name or packet.handler_email or packet.handler_mobile
    dept = f" ({packet.handler_department})" if packet.handler_department else ""
    several = len(_namesakes(packet, people))
    names = {"count": several, "who": who, "department": dept, "where": where}
    if several > 1:
        found = gettext(
            "There are %(count)s civil servants named “%(who)s”%(department)s in %(where)s"
        )
    else:
        found = gettext("No civil servant “%(who)s”%(department)s found in %(where)s")
    return gettext(
        "%(problem)s: the packet is kept until a personnel officer picks the handler (once: "
        "later packets of the sending organisation with this name will be recognised by "
        "themselves)."
    ) % {"problem": found % names}


def remember_handler(
    user, org: Organization | None, packet: Packet, person: Person
) -> list[StaffAlias]:
    """Remember the person for every way the packet names the handler (audited)."""
    saved = []
    for kind, key, label in keys(packet):
        alias, _ = StaffAlias.objects.update_or_create(
            organization=org,
            kind=kind,
            key=key,
            defaults={"label": label, "person": person, "created_by": user},
        )
        saved.append(alias)
        audit.record(
            user,
            "integration.remember_handler",
            alias,
            after={"kind": kind, "label": label, "person": person.code},
        )
    return saved
