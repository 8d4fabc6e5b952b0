"""Complaints (khiếu nại) against a published result, within the period's window."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.evaluation.choices import STEP_FROM, ComplaintStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import Complaint, EvaluationSheet
from canbo.evaluation.notify import notify
from canbo.evaluation.permissions import can_resolve_complaint, can_self_assess
from canbo.evaluation.services.sheets import _locked_for_update
from canbo.evaluation.services.staleness import refresh_leaders


def complaint_deadline(sheet: EvaluationSheet):
    if sheet.approved_at is None:
        return None
    return timezone.localdate(sheet.approved_at) + timedelta(days=sheet.period.complaint_days)


@transaction.atomic
def file_complaint(actor, sheet: EvaluationSheet, reason: str) -> Complaint:
    sheet = _locked_for_update(sheet, None)
    if not can_self_assess(actor, sheet):
        raise EvaluationError(_("Only the person evaluated may complain about their result."))
    if sheet.status not in STEP_FROM["complain"]:
        raise EvaluationError(_("Only a published result may be complained about."))
    if timezone.localdate() > complaint_deadline(sheet):
        raise EvaluationError(_("The complaint period is over."))
    if not reason.strip():
        raise EvaluationError(_("Give the reason for the complaint."))
    complaint = Complaint.objects.create(sheet=sheet, filed_by=actor, reason=reason.strip())
    sheet.status = SheetStatus.CONTESTED
    sheet.version += 1
    sheet.save(update_fields=["status", "version"])
    audit.record(
        actor,
        "evaluation.file_complaint",
        sheet,
        {"status": SheetStatus.PUBLISHED},
        {"status": sheet.status},
        reason=reason,
    )
    return complaint


@transaction.atomic
def resolve_complaint(actor, complaint: Complaint, accepted: bool, resolution: str) -> Complaint:
    """Accepted: the sheet goes back to review to be corrected. Rejected: result stands."""
    sheet = _locked_for_update(complaint.sheet, None)
    if not can_resolve_complaint(actor, sheet):
        raise EvaluationError(_("You may not resolve this complaint."))
    if complaint.status != ComplaintStatus.OPEN:
        raise EvaluationError(_("This complaint has already been resolved."))
    if not resolution.strip():
        raise EvaluationError(_("Write how the complaint is resolved."))
    complaint.status = ComplaintStatus.ACCEPTED if accepted else ComplaintStatus.REJECTED
    complaint.resolution, complaint.resolved_by = resolution.strip(), actor
    complaint.resolved_at = timezone.now()
    complaint.save()
    before = {"status": sheet.status}
    sheet.status = SheetStatus.SELF_ASSESSED if accepted else SheetStatus.PUBLISHED
    sheet.version += 1
    sheet.save(update_fields=["status", "version"])
    audit.record(
        actor,
        "evaluation.resolve_complaint",
        sheet,
        before,
        {"status": sheet.status},
        reason=resolution,
    )
    _notify(sheet, complaint)
    if accepted:
        refresh_leaders(actor, sheet)
    return complaint


def _notify(sheet: EvaluationSheet, complaint: Complaint) -> None:
    profile = getattr(sheet.person, "profile", None)
    if profile is not None:
        notify(
            [profile.user_id],
            url=f"/evaluation/sheets/{sheet.pk}/",
            text=_("Complaint about the result of %(period)s: %(status)s.")
            % {"period": sheet.period, "status": complaint.get_status_display()},
        )
