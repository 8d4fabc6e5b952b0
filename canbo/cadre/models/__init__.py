"""Cadre development: training, succession planning, rotation, commendation and discipline."""

from canbo.cadre.models.pipeline import (
    ACTIONS_BY_BASIS,
    RecruitmentCandidate,
    RecruitmentPosition,
    RecruitmentRound,
    ResultAction,
    ResultBasis,
    ResultUse,
    RoundStatus,
    TalentRecord,
    TalentStatus,
)
from canbo.cadre.models.planning import PlanningCandidate, PlanningReview, PlanningTerm
from canbo.cadre.models.records import (
    CapacityFlag,
    Conclusion,
    ConclusionKind,
    DecisionKind,
    PersonnelDecision,
)
from canbo.cadre.models.rotation import RotationKind, RotationRecord, RotationStatus
from canbo.cadre.models.training import (
    Enrolment,
    EnrolmentStatus,
    Programme,
    ProgrammeKind,
    TrainingClass,
    TrainingPlan,
)

__all__ = [
    "CapacityFlag",
    "Conclusion",
    "ConclusionKind",
    "DecisionKind",
    "Enrolment",
    "EnrolmentStatus",
    "PersonnelDecision",
    "PlanningCandidate",
    "PlanningReview",
    "PlanningTerm",
    "Programme",
    "ProgrammeKind",
    "RecruitmentCandidate",
    "RecruitmentPosition",
    "RecruitmentRound",
    "RoundStatus",
    "TalentRecord",
    "TalentStatus",
    "ACTIONS_BY_BASIS",
    "ResultAction",
    "ResultBasis",
    "ResultUse",
    "RotationKind",
    "RotationRecord",
    "RotationStatus",
    "TrainingClass",
    "TrainingPlan",
]
