"""The personnel office's registers: job-position approvals of the communes, equipment norms
and the communes' equipment inventory; every change is checked, then audited."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import can, writable_orgs
from canbo.core.text import nfc
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight.equipment import (
    Basis,
    EquipmentNorm,
    InventoryItem,
    ItemState,
    ensure_norms,
    norms,
)
from canbo.oversight.errors import OversightError
from canbo.oversight.models import JobPositionApproval


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
