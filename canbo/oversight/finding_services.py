"""Findings of the supervising body and the inspections they come from: written, concluded,
remedied, tied to their outcome; every change is checked, then audited."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import can
from canbo.core.text import nfc
from canbo.org.models import Organization
from canbo.oversight.errors import OversightError
from canbo.oversight.models import Finding, FollowUp, Inspection, InspectionStatus, PlanAction
from canbo.oversight.outcomes import link_outcome
from canbo.people.models import Person


@transaction.atomic
def write_finding(
    actor,
    text: str,
    on: date,
    action: PlanAction | None = None,
    organization: Organization | None = None,
    person: Person | None = None,
    required_action: str = "",
    due: date | None = None,
    inspection: Inspection | None = None,
) -> Finding:
    """The supervising body records a finding (and what it requires, by when)."""
    if not can(actor, "oversight.findings.write"):
        raise PermissionDenied
    text = nfc(text or "") or ""
    if not text:
        raise OversightError(_("Write the finding."))
    if due is not None and due < on:
        raise OversightError(_("The deadline cannot be before the date of the finding."))
    if person is not None and organization is None:
        organization = person.organization
    if inspection is not None and organization is None:
        organization = inspection.organization
    finding = Finding.objects.create(
        action=action,
        inspection=inspection,
        organization=organization,
        person=person,
        on=on,
        text=text,
        required_action=nfc(required_action or "") or "",
        due=due,
        written_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor,
        "oversight.write_finding",
        finding,
        after={"text": text, "due": due.isoformat() if due else None},
    )
    return finding


_INSPECTION_FIELDS = [
    "kind",
    "title",
    "topic",
    "organization",
    "body",
    "start",
    "end",
    "status",
    "conclusion_number",
]


@transaction.atomic
def create_inspection(
    actor,
    *,
    kind: str,
    title: str,
    body: str,
    start: date,
    end: date,
    topic: str = "",
    organization: Organization | None = None,
) -> Inspection:
    """The supervising body plans an inspection (scheduled or ad hoc) of a commune or topic."""
    if not can(actor, "oversight.findings.write"):
        raise PermissionDenied
    title, body, topic = (nfc(v or "") or "" for v in (title, body, topic))
    if not title or not body:
        raise OversightError(_("Give the title and the inspecting body."))
    if organization is None and not topic:
        raise OversightError(_("Name the commune inspected or the topic."))
    if end < start:
        raise OversightError(_("The end cannot be before the start."))
    inspection = Inspection.objects.create(
        kind=kind,
        title=title,
        body=body,
        topic=topic,
        organization=organization,
        start=start,
        end=end,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor,
        "oversight.create_inspection",
        inspection,
        after=audit.snapshot(inspection, _INSPECTION_FIELDS),
    )
    return inspection


@transaction.atomic
def conclude_inspection(actor, inspection: Inspection, number: str) -> Inspection:
    if not can(actor, "oversight.findings.write"):
        raise PermissionDenied
    number = nfc(number or "") or ""
    if not number:
        raise OversightError(_("Give the number of the conclusion."))
    before = audit.snapshot(inspection, _INSPECTION_FIELDS)
    inspection.status, inspection.conclusion_number = InspectionStatus.CONCLUDED, number
    inspection.save(update_fields=["status", "conclusion_number"])
    audit.record(
        actor,
        "oversight.conclude_inspection",
        inspection,
        before,
        audit.snapshot(inspection, _INSPECTION_FIELDS),
    )
    return inspection


@transaction.atomic
def remedy_finding(actor, finding: Finding, note: str) -> Finding:
    """The supervising body records that the required action was carried out."""
    if not can(actor, "oversight.findings.write"):
        raise PermissionDenied
    note = nfc(note or "") or ""
    if not note:
        raise OversightError(_("Say how the finding was remedied."))
    if finding.follow_up == FollowUp.DONE:
        raise OversightError(_("This finding is already remedied."))
    finding.follow_up = FollowUp.DONE
    finding.save(update_fields=["follow_up"])
    audit.record(
        actor,
        "oversight.remedy_finding",
        finding,
        {"follow_up": "open"},
        {"follow_up": "done"},
        reason=note,
    )
    return finding


@transaction.atomic
def link_finding_outcome(actor, finding: Finding, conclusion=None, decision=None) -> Finding:
    """Tie a finding to the conclusion or disciplinary decision it led to (recorded in the
    cadre registers by the competent personnel office, which this requires)."""
    message = _("The record must concern the person named by the finding.")
    return link_outcome(
        actor, finding, "oversight.link_finding_outcome", message, conclusion, decision
    )
