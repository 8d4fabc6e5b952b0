"""Workflow functions of the plan tracker's actions and reports: every change is checked, then
audited."""

import hashlib
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import can
from canbo.core.text import nfc
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import plan_data
from canbo.oversight.errors import OversightError
from canbo.oversight.evidence_files import check_evidence
from canbo.oversight.models import (
    ActionStatus,
    ActionUpdate,
    Evidence,
    PlanAction,
    PlanReport,
    ReportKind,
    ReportStatus,
)


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
