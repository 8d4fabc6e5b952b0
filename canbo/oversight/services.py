"""Workflow functions of the plan tracker: every change is checked, then audited."""

import hashlib
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import can, writable_orgs
from canbo.core.text import nfc
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import plan_data
from canbo.oversight.equipment import (
    Basis,
    EquipmentNorm,
    InventoryItem,
    ItemState,
    ensure_norms,
    norms,
)
from canbo.oversight.errors import OversightError
from canbo.oversight.models import (
    ActionStatus,
    ActionUpdate,
    Evidence,
    Finding,
    FollowUp,
    Inspection,
    InspectionStatus,
    JobPositionApproval,
    PlanAction,
    PlanReport,
    ReportKind,
    ReportStatus,
)
from canbo.oversight.outcomes import link_outcome
from canbo.people.models import Person

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Accepted evidence: the type named by the extension must match the file's first bytes.
EVIDENCE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}


@transaction.atomic
def load_plan(actor=None) -> int:
    """Create or refresh the plan's actions from `plan_data` (idempotent); return how many
    were created. Owners are matched to organisations by name."""
    created = 0
    for order, data in enumerate(plan_data.ACTIONS):
        defaults = {
            "section": data.section,
            "text": data.text,
            "owner": data.owner,
            "owner_org": owner_organization(data.owner),
            "partners": data.partners,
            "cadence": data.cadence,
            "time_text": data.time_text,
            "deadline": data.deadline,
            "due_month": data.yearly_due[0] if data.yearly_due else None,
            "due_day": data.yearly_due[1] if data.yearly_due else None,
            "product": data.product,
            "indicators": list(data.indicators),
            "order": order,
        }
        action, new = PlanAction.objects.update_or_create(code=data.code, defaults=defaults)
        if new:
            created += 1
            audit.record(
                actor,
                "oversight.load_action",
                action,
                after={"code": data.code, "owner": data.owner},
            )
    return created


def owner_organization(owner: str) -> Organization | None:
    """The organisation named `owner`, or one whose name starts it ("Sở Nội vụ" for
    "Sở Nội vụ tỉnh Lai Châu"); none for a collective owner."""
    exact = Organization.objects.filter(name=owner).exclude(kind__in=COMMUNE_KINDS).first()
    if exact:
        return exact
    candidates = Organization.objects.exclude(kind__in=COMMUNE_KINDS).filter(depth__lte=1)
    prefixes = [o for o in candidates if owner.startswith(o.name + " ")]
    return max(prefixes, key=lambda o: len(o.name)) if prefixes else None


def _require_owner(actor, action: PlanAction) -> None:
    if not PlanAction.objects.updatable_by(actor).filter(pk=action.pk).exists():
        raise PermissionDenied


@transaction.atomic
def update_action(actor, action: PlanAction, status: str, note: str, on: date) -> ActionUpdate:
    """The owner reports where the action stands on `on`."""
    _require_owner(actor, action)
    if status not in ActionStatus.values:
        raise OversightError(_("Unknown status “%(value)s”.") % {"value": status})
    if on > timezone.localdate():
        raise OversightError(_("The date of an update cannot be in the future."))
    note = nfc(note or "") or ""
    if status == ActionStatus.DONE and not note:
        raise OversightError(_("Say what was done (the product) before marking it done."))
    update = ActionUpdate.objects.create(
        action=action,
        on=on,
        status=status,
        note=note,
        author=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor,
        "oversight.update_action",
        action,
        after={"status": status, "on": on.isoformat(), "note": note},
    )
    return update


def check_evidence(name: str, content: bytes) -> tuple[str, str]:
    """Return (clean file name, content type), or refuse the file."""
    name = nfc(Path(name or "").name) or ""
    suffix = Path(name).suffix.lower()
    if suffix not in EVIDENCE_TYPES:
        raise OversightError(
            _(
                "The file “%(name)s” is not accepted: send a PDF, Word (.docx), Excel (.xlsx), "
                "JPEG or PNG file."
            )
            % {"name": name}
        )
    if not content:
        raise OversightError(_("The file “%(name)s” is empty.") % {"name": name})
    if len(content) > MAX_EVIDENCE_BYTES:
        raise OversightError(_("The file “%(name)s” is larger than 10 MB.") % {"name": name})
    content_type, magics = EVIDENCE_TYPES[suffix]
    if not content.startswith(magics):
        raise OversightError(
            _("The file “%(name)s” is not a real %(kind)s file.")
            % {"name": name, "kind": suffix.lstrip(".").upper()}
        )
    return name[:200], content_type


@transaction.atomic
def add_evidence(
    actor, action: PlanAction, name: str, content: bytes, description: str = ""
) -> Evidence:
    _require_owner(actor, action)
    name, content_type = check_evidence(name, content)
    evidence = Evidence.objects.create(
        action=action,
        name=name,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        description=nfc(description or "")[:255],
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor, "oversight.add_evidence", action, after={"file": name, "sha256": evidence.sha256}
    )
    return evidence


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


_REPORT_FIELDS = ["number", "assessment", "next_steps", "signer", "signer_title", "status"]


@transaction.atomic
def save_report(actor, kind: str, year: int, **values) -> PlanReport:
    """The reporting body writes (or signs) its six-monthly or yearly report."""
    if not can(actor, "oversight.plan.report"):
        raise PermissionDenied
    if kind not in ReportKind.values:
        raise OversightError(_("Unknown kind of report."))
    if not 2026 <= year <= 2100:
        raise OversightError(_("The plan runs from 2026: choose a year from 2026."))
    report, _new = PlanReport.objects.select_for_update().get_or_create(kind=kind, year=year)
    if report.status == ReportStatus.SIGNED:
        raise OversightError(_("This report is signed and can no longer be changed."))
    before = audit.snapshot(report, _REPORT_FIELDS)
    for key in _REPORT_FIELDS:
        if key in values:
            setattr(report, key, nfc(values[key] or "") or "")
    if report.status not in ReportStatus.values:
        raise OversightError(_("Unknown status “%(value)s”.") % {"value": report.status})
    if report.status == ReportStatus.SIGNED and not (report.number and report.signer):
        raise OversightError(_("A signed report needs its document number and its signer."))
    report.updated_by = actor if getattr(actor, "pk", None) else None
    report.save()
    audit.record(
        actor, "oversight.save_report", report, before, audit.snapshot(report, _REPORT_FIELDS)
    )
    return report


@transaction.atomic
def record_job_position_approval(
    actor, organization: Organization, number: str, when: date
) -> JobPositionApproval:
    """The provincial personnel office records the decision approving a commune's job
    positions (one per commune; never dated in the future)."""
    if not can(actor, "oversight.approvals.manage"):
        raise PermissionDenied
    if organization.kind not in COMMUNE_KINDS:
        raise OversightError(_("Job positions are approved per commune or ward."))
    number = nfc(number or "").strip()
    if not number:
        raise OversightError(_("Give the number of the approving decision."))
    if when is None or when > timezone.localdate():
        raise OversightError(_("The decision date cannot be in the future."))
    found = JobPositionApproval.objects.filter(organization=organization).first()
    if found is not None:
        raise OversightError(
            _("The job positions of %(commune)s are already approved (decision %(number)s).")
            % {"commune": organization.name, "number": found.decision_number}
        )
    approval = JobPositionApproval.objects.create(
        organization=organization, decision_number=number, decision_date=when, recorded_by=actor
    )
    audit.record(
        actor,
        "oversight.record_job_position_approval",
        approval,
        after={"organization": organization.pk, "number": number, "date": when.isoformat()},
    )
    return approval


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


@transaction.atomic
def add_inventory_item(
    actor, organization: Organization, item: str, year: int, state: str, label: str = ""
) -> InventoryItem:
    """A commune's personnel office records a piece of equipment it holds."""
    if not can(actor, "oversight.equipment.manage"):
        raise PermissionDenied
    if not writable_orgs(Organization.objects.filter(pk=organization.pk), actor).exists():
        raise PermissionDenied
    if item not in norms():
        raise OversightError(_("Unknown equipment item “%(value)s”.") % {"value": item})
    if state not in ItemState.values:
        raise OversightError(_("Unknown status “%(value)s”.") % {"value": state})
    if not 1990 <= year <= timezone.localdate().year:
        raise OversightError(_("The year acquired must be between 1990 and this year."))
    found = InventoryItem.objects.create(
        organization=organization, item=item, year=year, state=state, label=nfc(label or "") or ""
    )
    audit.record(
        actor,
        "oversight.add_inventory_item",
        found,
        after={"item": item, "year": year, "state": state, "organization": organization.pk},
    )
    return found


MAX_NORM_QUANTITY = 100


@transaction.atomic
def set_equipment_norm(actor, item: str, basis: str, quantity, name: str = "") -> EquipmentNorm:
    """The provincial personnel office sets the norm of one item of equipment: how many, and
    per civil servant, per department or per commune."""
    if not can(actor, "oversight.norms.manage"):
        raise PermissionDenied
    ensure_norms()
    norm = EquipmentNorm.objects.select_for_update().filter(code=item).first()
    if norm is None:
        raise OversightError(_("Unknown equipment item “%(value)s”.") % {"value": item})
    if basis not in Basis.values:
        raise OversightError(_("Unknown basis of the norm “%(value)s”.") % {"value": basis})
    if quantity is None or not 0 <= quantity <= MAX_NORM_QUANTITY:
        raise OversightError(
            _("The quantity of a norm must be between 0 and %(max)s.") % {"max": MAX_NORM_QUANTITY}
        )
    fields = ["name", "basis", "quantity"]
    before = audit.snapshot(norm, fields)
    norm.name = nfc(name or "").strip() or norm.name
    norm.basis = basis
    norm.quantity = quantity
    norm.save(update_fields=fields)
    audit.record(actor, "oversight.set_equipment_norm", norm, before, audit.snapshot(norm, fields))
    return norm
