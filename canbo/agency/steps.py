"""What every step of the agency workflow shares: the capability check, the acting user, and
the audited move of an evaluation to its next status."""

from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError
from canbo.agency.models import AgencyEvaluation
from canbo.core import audit
from canbo.core.access import can


def require_capability(user, capability: str) -> None:
    if user is not None and not can(user, capability):
        raise AgencyError(_("You are not allowed to do this."))


def acting_user(actor):
    return actor if getattr(actor, "pk", None) else None


def move_status(
    actor, evaluation: AgencyEvaluation, status: str, action: str, reason: str = "", **fields
) -> None:
    before = audit.snapshot(evaluation, ["status", "total", "level"])
    evaluation.status = status
    for name, value in fields.items():
        setattr(evaluation, name, value)
    evaluation.save()
    audit.record(
        actor,
        action,
        evaluation,
        before,
        audit.snapshot(evaluation, ["status", "total", "level"]),
        reason=reason,
    )
