"""The plan's own actions and their follow-up: updates, evidence, findings, periodic reports,
and the job-position approvals the plan's first deadline asks for. The complaint register and
the equipment inventory keep their models in their own modules; they are imported here so that
the app has one models module."""

from canbo.oversight.complaints import Case, CaseDocument
from canbo.oversight.equipment import EquipmentNorm, InventoryItem
from canbo.oversight.models.inspections import (
    Finding,
    FindingQuerySet,
    FollowUp,
    Inspection,
    InspectionKind,
    InspectionQuerySet,
    InspectionStatus,
)
from canbo.oversight.models.plan import (
    ActionStatus,
    ActionUpdate,
    Cadence,
    Evidence,
    PlanAction,
    PlanActionQuerySet,
)
from canbo.oversight.models.reports import (
    JobPositionApproval,
    JobPositionApprovalQuerySet,
    PlanReport,
    PlanReportQuerySet,
    ReportKind,
    ReportStatus,
)

__all__ = [
    "ActionStatus",
    "ActionUpdate",
    "Cadence",
    "Case",
    "CaseDocument",
    "EquipmentNorm",
    "Evidence",
    "Finding",
    "FindingQuerySet",
    "FollowUp",
    "Inspection",
    "InspectionKind",
    "InspectionQuerySet",
    "InspectionStatus",
    "InventoryItem",
    "JobPositionApproval",
    "JobPositionApprovalQuerySet",
    "PlanAction",
    "PlanActionQuerySet",
    "PlanReport",
    "PlanReportQuerySet",
    "ReportKind",
    "ReportStatus",
]
