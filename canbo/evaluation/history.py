"""Who did what on a sheet, and when: read from the audit log (canbo.core.audit)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from canbo.core.models import AuditEntry
from canbo.evaluation.models import EvaluationSheet

STEPS = {
    "evaluation.self_assess": _("Self-assessment sent"),
    "evaluation.review": _("Review recorded"),
    "evaluation.approve": _("Approved and published"),
    "evaluation.file_complaint": _("Complaint filed"),
    "evaluation.resolve_complaint": _("Complaint resolved"),
    "evaluation.leader_result_changed": _("Result changed with the results in charge"),
    "evaluation.sync_worked": _("Worked period updated from the leave register"),
}


@dataclass(frozen=True)
class Step:
    at: datetime
    who: str
    what: str
    reason: str


def sheet_history(sheet: EvaluationSheet) -> list[Step]:
    """The sheet's workflow steps, oldest first (the caller has checked the sheet is visible)."""
    entries = (
        AuditEntry.objects.filter(
            object_type=EvaluationSheet._meta.label_lower,
            object_id=str(sheet.pk),
        )
        .select_related("actor")
        .order_by("at", "id")
    )
    return [
        Step(e.at, _who(e.actor), str(STEPS.get(e.action, e.action)), e.reason) for e in entries
    ]


def _who(actor) -> str:
    if actor is None:
        return str(_("the system"))
    return actor.get_full_name() or actor.username
