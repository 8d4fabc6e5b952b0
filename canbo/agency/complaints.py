"""Complaints against a published agency result: filed by the commune within the window,
resolved by the provincial leadership."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError
from canbo.agency.models import AgencyComplaint, AgencyEvaluation, ComplaintStatus, EvaluationStatus
from canbo.agency.steps import acting_user, move_status, require_capability

COMPLAINT_DAYS = 15  # [unconfirmed] window after publication, as a parameter here


def complaint_deadline(evaluation: AgencyEvaluation) -> date | None:
    if evaluation.published_at is None:
        return None
    return timezone.localdate(evaluation.published_at) + timedelta(days=COMPLAINT_DAYS)


@transaction.atomic
def file_complaint(actor, evaluation: AgencyEvaluation, reason: str) -> AgencyComplaint:
    """The commune (its chairman) contests the published result, within the window."""
    require_capability(actor, "agency.self_assess")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.PUBLISHED:
        raise AgencyError(_("Only a published result can be contested."))
    if timezone.localdate() > complaint_deadline(evaluation):
        raise AgencyError(_("The complaint window has closed."))
    reason = (reason or "").strip()
    if not reason:
        raise AgencyError(_("Give the reason of the complaint."))
    complaint = AgencyComplaint.objects.create(
        evaluation=evaluation, filed_by=acting_user(actor), reason=reason
    )
    move_status(
        actor, evaluation, EvaluationStatus.CONTESTED, "agency.file_complaint", reason=reason
    )
    return complaint


@transaction.atomic
def resolve_complaint(
    actor, complaint: AgencyComplaint, accepted: bool, resolution: str
) -> AgencyComplaint:
    """Accepted: back to the Sở Nội vụ's review; rejected: the published result stands."""
    require_capability(actor, "agency.approve")
    complaint = AgencyComplaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status != ComplaintStatus.OPEN:
        raise AgencyError(_("This complaint has already been resolved."))
    resolution = (resolution or "").strip()
    if not resolution:
        raise AgencyError(_("Write how the complaint was resolved."))
    complaint.status = ComplaintStatus.ACCEPTED if accepted else ComplaintStatus.REJECTED
    complaint.resolution, complaint.resolved_by = resolution, acting_user(actor)
    complaint.resolved_at = timezone.now()
    complaint.save()
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=complaint.evaluation_id)
    status = EvaluationStatus.SELF_ASSESSED if accepted else EvaluationStatus.PUBLISHED
    move_status(actor, evaluation, status, "agency.resolve_complaint", reason=resolution)
    return complaint
