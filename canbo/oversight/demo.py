"""Demo data of the plan tracker as it stands on 30/11/2026: the plan's actions with their
owners' updates, job-position approvals, supervision findings and the periodic reports. Each
subject seeds from its own module (demo_updates, demo_supervision, demo_cases, demo_equipment).

Idempotent and deterministic: called by `canbo seed-demo` after the cadre data.
"""

from datetime import date

from django.conf import settings
from django.db import transaction

from canbo.org.choices import OrgKind
from canbo.org.models import Organization
from canbo.oversight import plan_data
from canbo.oversight.complaints import Case
from canbo.oversight.demo_cases import seed_cases
from canbo.oversight.demo_equipment import seed_inventories
from canbo.oversight.demo_supervision import seed_findings, seed_inspections, seed_reports
from canbo.oversight.demo_updates import seed_approvals, seed_updates
from canbo.oversight.equipment import InventoryItem, ensure_norms
from canbo.oversight.models import (
    ActionUpdate,
    Finding,
    Inspection,
    JobPositionApproval,
    PlanAction,
)
from canbo.oversight.plan_services import load_plan

AS_OF = date(2026, 11, 30)


def ensure_owner_bodies(root: Organization) -> dict[str, Organization]:
    """The provincial Party bodies and departments that own actions (demo codes)."""
    suffix = root.code.rsplit(".", 1)[-1] if root.code else "H29"
    bodies = {}
    for name, group in plan_data.OWNER_BODIES:
        org, _ = Organization.objects.update_or_create(
            code=f"000.00.{group}.{suffix}",
            defaults={"name": name, "kind": OrgKind.PROVINCIAL_AGENCY, "parent": root},
        )
        bodies[name] = org
    return bodies


def seed_oversight(stdout) -> None:
    with transaction.atomic():
        root = Organization.objects.filter(code=settings.PROVINCE_CODE).first()
        if root is None:
            return
        ensure_owner_bodies(root)
        load_plan()
        if not ActionUpdate.objects.exists():
            seed_updates()
        if not JobPositionApproval.objects.exists():
            seed_approvals()
        if not Finding.objects.exists():
            seed_findings()
        seed_reports()
        if not Case.objects.exists():
            seed_cases(root)
        if not Inspection.objects.exists():
            seed_inspections()
        ensure_norms()  # the norms are data (migration 0005); a flushed database gets them back
        if not InventoryItem.objects.exists():
            seed_inventories()
    stdout.write(
        f"Kế hoạch 05-NQ/TU: {PlanAction.objects.count()} nhiệm vụ, "
        f"{Finding.objects.count()} kết luận giám sát, {Case.objects.count()} đơn thư, "
        f"{Inspection.objects.count()} cuộc kiểm tra."
    )
