"""An incoming document from a document packet: stored (or updated) once for each receiving
organisation in the sender's scope, audited."""

from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.integration.edxml.packet import Packet
from canbo.integration.imports.edxml_status import follow_due_date
from canbo.integration.imports.models import IncomingDocument
from canbo.integration.imports.scope import Actor
from canbo.org.models import Organization

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


def store_document(actor: Actor, packet: Packet, org) -> tuple[str, str, IncomingDocument]:
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


def attachment_note(packet: Packet) -> list[str]:
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
