"""Evaluating the commune itself as an agency (Decree 335, DOMAIN §6): a versioned criteria set,
the province's socio-economic indicator sets with targets and actuals, and one evaluation per
commune and year with its per-criterion points."""

from canbo.agency.models.criteria import CriteriaSet, Criterion, Measure, Part, Source
from canbo.agency.models.evaluations import (
    AgencyComplaint,
    AgencyEvaluation,
    ComplaintStatus,
    EvaluationStatus,
    Score,
)
from canbo.agency.models.indicators import (
    Actual,
    ActualStatus,
    AgencyRowQuerySet,
    Direction,
    Indicator,
    IndicatorSet,
    SetStatus,
    Target,
)

__all__ = [
    "Actual",
    "ActualStatus",
    "AgencyComplaint",
    "AgencyEvaluation",
    "AgencyRowQuerySet",
    "ComplaintStatus",
    "CriteriaSet",
    "Criterion",
    "Direction",
    "EvaluationStatus",
    "Indicator",
    "IndicatorSet",
    "Measure",
    "Part",
    "Score",
    "SetStatus",
    "Source",
    "Target",
]
