from canbo.evaluation.models.annual import AnnualResult, QuotaException
from canbo.evaluation.models.charge import LeaderCharge
from canbo.evaluation.models.period import EvaluationPeriod
from canbo.evaluation.models.sheet import Complaint, EvaluationSheet, Notification

__all__ = [
    "AnnualResult",
    "Complaint",
    "EvaluationPeriod",
    "EvaluationSheet",
    "LeaderCharge",
    "Notification",
    "QuotaException",
]
